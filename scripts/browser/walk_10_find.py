"""Finding things: a policy by plate and by national code, the customer file, the customers,
claims and payments lists with their CSV, every role's work queue links, and the provider's desk."""
from urllib.parse import quote

from selenium.webdriver.common.by import By


def follow_queues(s, role):
    """Opens every queue link of the dashboard; each must show a page, not an error."""
    s.login(role)
    s.get("/")
    links = [(a.text, a.get_attribute("href")) for a in s.finds("ul.queues a")]
    s.check(len(links) > 0, f"{role}: the dashboard shows work queues")
    for label, href in links:
        s.get(href)
        s.check(bool(s.finds("main h1, h1")) and not s.finds(".error-page, .alert.error"), f"{role}: the queue «{label}» opens its list")
    s.shot(f"queues-{role}")


def walk(s):
    check, shot = s.check, s.shot
    s.login("issuer")

    # the demo's third-party policy is for علی رضایی's car, plate «۲۲ ج ۴۵۶ ایران ۱۰»
    s.get("/policies")
    s.find("#q").send_keys("۲۲ ج ۴۵۶ ایران ۱۰")
    s.submit(s.button("جستجو"))
    rows = s.finds("table tbody tr")
    check(len(rows) == 1 and "شخص ثالث" in rows[0].text, "the policies list finds the motor policy by its plate")
    shot("01-plate")
    s.get("/policies?q=" + quote("22ج456-10"))
    check(len(s.finds("table tbody tr")) == 1, "the plate typed in its canonical form finds the same policy")

    s.get("/policies")
    s.find("#q").send_keys("۱۵۸۳۲۵۰۶۸۹")
    s.submit(s.button("جستجو"))
    check(len(s.finds("table tbody tr")) >= 1 and "علی رضایی" in s.text(), "the national code in Persian digits finds the customer's policies")
    shot("02-national-code")

    s.get("/customers?q=1583250689")
    check("۱ مشتری" in s.text(), "the customers list finds the customer by national code")
    s.find("table tbody tr td a").click()
    check("/customers/" in s.driver.current_url and "بیمه‌نامه" in s.text(), "the customer file lists their policies")
    shot("03-customer-file")

    s.get("/customers?kind=legal&sort=name")
    check("مشتری" in s.text(), "the customers list filters by kind and sorts by name")
    csv = s.link("دریافت این فهرست").get_attribute("href")
    check("format=csv" in csv and "kind=legal" in csv, "the customers CSV link keeps the filter")

    follow_queues(s, "issuer")

    s.login("accountant")
    s.get("/accounting/cheques")
    # the demo's cheques are collected; the column shows once one waits (tested over HTTP too)
    check("بیمه‌گذار" in s.text() or "در انتظار وصول نیست" in s.text(), "the cheque list has a customer column (or nothing waits)")
    shot("04-cheques")
    s.link("همهٔ پرداخت‌های دریافتی").click()
    check("پرداخت‌های دریافتی" in s.text(), "the cheques page leads to the received payments list")
    s.find("#q").send_keys("100200")
    s.submit(s.button("جستجو"))
    check("علی رضایی" in s.text(), "the payments list finds a cheque by its number")
    shot("05-payments")
    follow_queues(s, "accountant")

    s.login("claims")
    s.get("/claims?status=bogus")
    check("شناخته نیست" in s.text(), "an unknown state on the claims list is a Persian note, not an error")
    s.get("/claims?q=0076229645")
    check("کارتابل خسارت" in s.text(), "the claims list searches by national code")
    shot("06-claims")
    follow_queues(s, "claims")
    follow_queues(s, "head")
    follow_queues(s, "agent")

    s.login("provider")
    s.get("/")
    s.link("ورود به میز").click()
    check("میز ارائه‌دهنده" in s.text(), "the provider's dashboard leads to the Persian desk")
    s.find("#inquiry-code").send_keys("0076229645")
    s.submit(s.button("استعلام"))
    check("پوشش دارد" in s.text(), "the desk inquires a covered person by national code")
    s.find("#visit-code").send_keys("0076229645")
    s.submit(s.button("صدور شناسه"))
    hid = s.find("section.card h2 span[dir=ltr]").text
    check(len(hid) > 0, "the desk issues an HID")
    shot("07-hid")
    s.find("#verify-code").send_keys("0076229645")
    s.find("#verify-hid").send_keys(hid)
    s.submit(s.button("تأیید"))
    check("معتبر است" in s.text(), "the desk verifies the HID it issued")
    s.find("#inquiry-code").send_keys("0076229646")
    s.submit(s.button("استعلام"))
    check(bool(s.finds("#inquiry-code-error")), "a bad national code is explained beside its field")
    shot("08-provider-error")
    s.phone()
    s.get("/provider")
    check(s.scroll_width() <= 390, "the provider's desk fits a 390 px phone")
    s.desktop()
