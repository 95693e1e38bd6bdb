"""The customer file's letters, the organization page's health centers, the agent's drafts and
the authenticity page of a cancelled policy, at desktop and phone widths."""
from urllib.parse import quote

from selenium.webdriver.common.by import By


def fits(s):
    return s.scroll_width() <= s.driver.execute_script("return window.innerWidth")


def walk(s):
    check, shot = s.check, s.shot
    s.desktop()

    # the demo customer's file lists the secretariat numbers of her proposals
    s.login("issuer")
    s.get("/customers?q=" + quote("0076229645"))
    file_url = s.find("table tbody tr a").get_attribute("href")
    s.get(file_url)
    rows = s.finds("#customer-letters tbody tr")
    check(len(rows) > 0, f"the customer file lists letters ({len(rows)})")
    check(bool(rows) and "وارده" in rows[0].text and "/" in rows[0].text, "a letter row shows its number and direction")
    s.lint("customer file with letters")
    shot("01-customer-letters")
    s.phone()
    s.get(file_url)
    check(bool(s.finds("#customer-letters table.stackable")), "the letters table stacks its rows on a phone")
    check(fits(s), "the customer file fits a phone")
    s.driver.execute_script("document.getElementById('customer-letters').scrollIntoView()")
    shot("02-customer-letters-phone")
    s.desktop()

    # the admin's organization page lists the health product's centers
    s.login("admin")
    s.get("/admin/organization")
    check("مراکز درمانی" in s.text() and "داروخانهٔ نمونه" in s.text() and "طرف قرارداد" in s.text(),
          "the organization page lists the contracted center")
    s.lint("organization page")
    s.driver.execute_script("document.querySelector('.product-section').scrollIntoView()")
    shot("03-organization-centers")
    s.phone()
    s.get("/admin/organization")
    check(fits(s), "the organization page fits a phone")
    s.driver.execute_script("document.querySelector('.product-section').scrollIntoView()")
    shot("04-organization-phone")
    s.desktop()

    # the agent's dashboard counts its drafts and opens the list it counts
    s.login("agent")
    link = s.finds("a[href='/quotes']")
    check(bool(link), "the agent's dashboard has the drafts queue")
    if link:
        count = link[0].find_element(By.CSS_SELECTOR, ".value").text
        shot("05-agent-dashboard")
        s.submit(link[0])
        rows = s.finds("#drafts tbody tr")
        digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
        check(int(count.translate(digits)) == len(rows), f"the drafts list has as many rows as the count ({count}, {len(rows)})")
        check("پیشنهادهای ثبت‌نشده" in s.text(), "the drafts list opens")
        s.lint("drafts list")
        shot("06-agent-drafts")
        s.phone()
        s.get("/quotes")
        check(fits(s), "the drafts list fits a phone")
        shot("07-agent-drafts-phone")
        s.desktop()

    # a cancelled policy's authenticity: issued and cancelled, from its date
    s.login("issuer")
    s.get("/policies?product=third-party")
    s.get(s.find("table tbody tr a").get_attribute("href"))
    policy_url = s.driver.current_url
    code = s.xpath("//dt[contains(., 'کد یکتا')]/following-sibling::dd[1]").text.strip()
    if s.finds("input[name=initiatedBy]"):
        s.find("#reason").send_keys("فروش خودرو")
        s.driver.execute_script("window.confirm = function() { return true; }")
        s.submit(s.button("ثبت فسخ"))
        s.get(policy_url)
    check("تاریخ اثر" in s.text(), "the demo third-party policy is cancelled")
    s.logout()
    s.get("/authenticity?code=" + code)
    text = s.text()
    check("ابطال‌شده" in text and "صادر نشده" not in text, "the authenticity page says the policy was issued and is cancelled")
    check("پلاک" not in text, "no vehicle details for a cancelled policy")
    s.lint("authenticity of a cancelled policy", allow=[code])
    shot("08-authenticity-cancelled")
    s.phone()
    s.get("/authenticity?code=" + code)
    check(fits(s), "the authenticity page fits a phone")
    shot("09-authenticity-cancelled-phone")
    s.desktop()
