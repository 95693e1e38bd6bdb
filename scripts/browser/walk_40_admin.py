"""The admin's pages (users and roles, organization, tariffs, the audit trail in Persian) and the
SMS list on a policy page after issuing."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def walk(s):
    driver, check, submit, shot = s.driver, s.check, s.submit, s.shot
    s.desktop()
    s.login("admin")
    dashboard = driver.page_source
    for path in ("/admin/users", "/admin/organization", "/admin/tariffs", "/admin/audit"):
        check(f'href="{path}"' in dashboard, f"the admin's dashboard links to {path}")
    check("auth.web-token-issued" not in s.text(), "the dashboard's audit list names actions in Persian")
    shot("01-admin-dashboard")

    # users: add one with a role, change its role, disable it
    s.get("/admin/users")
    s.find("#username").send_keys("walk.user")
    s.find("#displayName").send_keys("کاربر آزمون")
    Select(s.find("#role")).select_by_value("issuer")
    s.find("#password").send_keys("walk-pass-123")
    submit(s.button("ساخت کاربر"))
    check("کاربر ساخته شد" in s.text() and "کاربر آزمون" in s.text(), "a new user is added with a role")
    row = s.find("tr[data-user='walk.user']")
    Select(row.find_element(By.CSS_SELECTOR, "select[name=role]")).select_by_value("claims")
    submit(row.find_element(By.XPATH, ".//button[contains(., 'تغییر نقش')]"))
    check("نقش کاربر تغییر کرد" in s.text(), "the user's role is changed")
    row = s.find("tr[data-user='walk.user']")
    check("کارشناس خسارت" in row.text, "the list shows the new role")
    button = row.find_element(By.XPATH, ".//button[contains(., 'غیرفعال')]")
    driver.execute_script("window.confirm = function() { return true; }")
    submit(button)
    check("غیرفعال شد" in s.text(), "the user is disabled")
    shot("02-users")
    s.find("#username").send_keys("bad name")
    submit(s.button("ساخت کاربر"))
    check(bool(s.finds("#username-error")) and bool(s.finds("#password-error")), "the add-user form marks each bad field beside it")
    shot("03-users-errors")

    s.get("/admin/organization")
    check("مجتمع" in s.text() and "کارگزاران" in s.text() and "پایان اعتبار مجوز" in s.text(), "the organization page lists complexes and brokers")
    shot("04-organization")

    s.get("/admin/tariffs")
    check("سال‌های تعرفهٔ در دسترس" in s.text() and "۱۴۰۵" in s.text(), "the tariff page lists the loaded years")
    shot("05-tariffs")

    s.get("/admin/audit")
    text = s.text()
    check("ورود به سامانه" in text and "auth.web-token-issued" not in text, "the audit trail names actions in Persian")
    check("مدیر" in text or "سامانه" in text, "the audit trail shows users by name")
    Select(s.find("#action-filter")).select_by_value("user.created")
    submit(s.button("نمایش"))
    codes = {r.get_attribute("data-action") for r in s.finds("tr[data-action]")}
    check(codes == {"user.created"}, f"the action filter keeps only that action ({codes})")
    shot("06-audit-filtered")
    s.get("/admin/audit?from=1405/13/01")
    check(bool(s.finds("#from-error")), "a bad date in the audit filter is marked beside its field")

    s.phone()
    for path in ("/admin/users", "/admin/audit"):
        s.get(path)
        width = s.scroll_width()
        check(width <= 400, f"{path} fits a phone's width ({width} px)")
        shot("07-phone" + path.replace("/", "-"))
    s.desktop()

    # the SMS list on an issued policy: the demo policy was issued and its insured texted
    s.login("issuer")
    s.get("/policies")
    s.link("۱۴۰۵/۱").click()
    sms = s.finds("#sms tr[data-outcome]")
    check(bool(sms) and "صدور بیمه‌نامه" in s.find("#sms").text, "the policy page lists the SMS sent when it was issued")
    check(any(r.get_attribute("data-outcome") == "sent" for r in sms), "the issue SMS is marked sent")
    shot("08-policy-sms")
    log = os.environ.get("SMS_LOG")
    if log and os.path.exists(log):
        with open(log, encoding="utf-8") as f:
            check("صادر شد" in f.read(), "the SMS gateway received the issue message")
