"""Phones and inputs: every role's pages at 390 px, the Jalali date picker, rial separators with
the toman hint, added item rows that keep what was typed, confirmations, sign-in without case."""
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

ROLES = ("issuer", "accountant", "claims", "head", "agent", "provider", "admin")
PAGES_PER_ROLE = 40


def same_site_links(s):
    """The page's links to other pages of the site: no sign-out, downloads or assets."""
    hrefs = []
    for a in s.finds("a[href]"):
        href = a.get_attribute("href") or ""
        url = urlparse(href)
        if not href.startswith(s.base) or url.path.startswith("/assets") or url.path.startswith("/api"):
            continue
        if "csv" in href or url.path.endswith(".pdf") or "/documents/" in url.path:
            continue
        hrefs.append(href.split("#")[0])
    return list(dict.fromkeys(hrefs))


def phone_sweep(s, role):
    """The role's dashboard, every page its navigation and dashboard link to, and one level
    further (a policy, a claim, a customer, a print): none may scroll sideways at 390 px."""
    s.login(role)
    s.phone()
    s.get("/")
    seen, queue, wide = set(), [s.driver.current_url], []
    while queue and len(seen) < PAGES_PER_ROLE:
        href = queue.pop(0)
        key = urlparse(href).path
        # one page of each kind: /policies/<id> stands for every policy
        kind = "/".join("*" if len(part) > 20 or part.isdigit() else part for part in key.split("/"))
        if kind in seen:
            continue
        seen.add(kind)
        s.get(href)
        width = s.scroll_width()
        if width > 390:
            wide.append(f"{key} {width}px")
            s.shot(f"wide-{role}-{len(wide)}")
        if len(seen) < 12 or key.count("/") <= 2:
            queue += [h for h in same_site_links(s) if h not in queue]
    s.check(not wide, f"{role}: {len(seen)} pages at 390 px, none wider than the screen {wide}")
    s.desktop()


def date_picker(s):
    """The picker agrees with the Kit's calendar: Esfand 1403 has 30 days (leap), 1404 has 29."""
    s.login("issuer")
    s.get("/quotes/new")
    field = s.find("#date")
    field.clear()
    field.send_keys("1403/12/01")
    toggle = s.find("#date ~ .picker-wrap .picker-toggle, #date + .picker-wrap .picker-toggle")
    toggle.click()
    title = s.find(".picker-title").text
    s.check(title == "اسفند ۱۴۰۳", f"the picker opens at the typed month with Persian names ({title})")
    days = s.finds(".picker .picker-day")
    s.check(len(days) == 30, f"Esfand 1403 (a leap year) has 30 days in the picker ({len(days)})")
    s.shot("01-picker-esfand-1403")
    s.find(".picker .picker-day[data-value='1403/12/30']").click()
    s.check(field.get_attribute("value") == "1403/12/30", "the picker picks 1403/12/30")
    field.clear()
    field.send_keys("1404/12/01")
    toggle.click()
    s.check(s.find(".picker-title").text == "اسفند ۱۴۰۴", "the picker follows the typed year")
    days = s.finds(".picker .picker-day")
    s.check(len(days) == 29 and not s.finds(".picker .picker-day[data-value='1404/12/30']"),
            f"Esfand 1404 (no leap year) offers no 30th ({len(days)} days)")
    s.find(".picker-next").click()
    blanks = len(s.finds(".picker-grid > span:not(.picker-weekday)"))
    s.check(s.find(".picker-title").text == "فروردین ۱۴۰۵" and blanks == 0,
            f"1 Farvardin 1405 falls on a Saturday, the first column ({blanks} blanks before it)")
    toggle.click()
    field.clear()
    field.send_keys("1404/12/30")
    s.find("#nationalCode").click()
    note = s.find("#date ~ .picker-wrap .picker-note, #date + .picker-wrap .picker-note").text
    s.check("۲۹" in note, f"a typed 1404/12/30 is refused in the page: «{note}»")
    # the server says the same beside the field
    s.find("#nationalCode").send_keys("0076229645")
    s.find("input[name='items[0][description]']").send_keys("رایانهٔ رومیزی")
    s.find("input[name='items[0][value]']").send_keys("1000000")
    s.submit(s.button("محاسبهٔ حق بیمه"))
    error = s.finds("#date-error")
    s.check(bool(error) and "۱۴۰۴" in error[0].text, "the server refuses 1404/12/30 beside the date field")
    s.shot("02-date-refused")


def rial_separators(s):
    s.login("issuer")
    s.get("/quotes/new")
    s.find("#nationalCode").send_keys("0076229645")
    s.find("input[name='items[0][description]']").send_keys("رایانهٔ رومیزی")
    value = s.find("input[name='items[0][value]']")
    value.send_keys("1200000")
    shown = value.get_attribute("value")
    hint = s.find("input[name='items[0][value]'] ~ small.toman").text
    s.check(shown == "1,200,000", f"the amount shows thousands separators while typed ({shown})")
    s.check(hint == "= ۱۲۰٬۰۰۰ تومان", f"the toman equivalent shows under the field ({hint})")
    persian = s.find("input[name='items[1][value]']")
    persian.send_keys("۲۵۰۰۰۰۰۰")
    s.check(persian.get_attribute("value") == "۲۵٬۰۰۰٬۰۰۰", "Persian digits get Persian separators")
    s.find("input[name='items[1][description]']").send_keys("لپ‌تاپ")
    s.shot("03-separators")
    s.submit(s.button("محاسبهٔ حق بیمه"))
    s.check("/quotes/" in s.driver.current_url and "۲۶٬۲۰۰٬۰۰۰" in s.text(),
            "the form with separated amounts is accepted: 1,200,000 + 25,000,000 = 26,200,000 insured")


def added_rows(s):
    s.login("issuer")
    s.phone()
    s.get("/quotes/new")
    s.find("#nationalCode").send_keys("0076229645")
    s.find("input[name='items[0][description]']").send_keys("سرور")
    s.find("input[name='items[4][value]']").send_keys("5000000")
    before = len(s.finds("#quote-items tbody tr"))
    url = s.driver.current_url
    s.button("ردیف‌های بیشتر").click()
    rows = s.finds("#quote-items tbody tr")
    s.check(len(rows) == before + 5 and s.driver.current_url == url, f"five rows are added in the page ({before} → {len(rows)})")
    s.check(s.find("input[name='items[0][description]']").get_attribute("value") == "سرور"
            and s.find("input[name='items[4][value]']").get_attribute("value") == "5,000,000",
            "what was typed is kept when rows are added")
    last = s.find(f"input[name='items[{before + 4}][value]']")
    last.send_keys("300000")
    s.check(last.get_attribute("value") == "300,000", "an added row's amount gets separators too")
    width = s.scroll_width()
    s.check(width <= 390, f"the proposal form with its rows fits the phone ({width} px)")
    s.shot("04-rows-added-phone")
    s.desktop()


def confirmation(s):
    """«برگشت خورد» asks first; dismissing the question records nothing."""
    s.login("accountant")
    s.get("/accounting/cheques")
    if not s.finds("button[data-confirm]"):
        # a bank slip to have something to confirm: the employer's liability proposal, paid by slip
        s.login("issuer")
        s.get("/quotes/employers-liability")
        s.find("#nationalCode").send_keys("0076229645")
        s.find("#sumInsured").send_keys("5000000000")
        s.find("#description").send_keys("کارگاه")
        s.find("#employees").send_keys("40")
        s.submit(s.button("محاسبهٔ حق بیمه"))
        s.submit(s.button("ثبت بیمه‌نامه"))
        s.find("input[name=method][value=bank-slip]").click()
        s.submit(s.button("ثبت پرداخت"))
        s.login("accountant")
        s.get("/accounting/cheques")
    rows = len(s.finds("button[data-confirm]"))
    s.button("برگشت خورد").click()
    alert = s.driver.switch_to.alert
    question = alert.text
    alert.dismiss()
    s.check("برگشت" in question, f"«برگشت خورد» asks before it acts: «{question}»")
    s.check(len(s.finds("button[data-confirm]")) == rows and "/accounting/cheques" in s.driver.current_url,
            "dismissing the question records nothing")


def sign_in_without_case(s):
    s.logout()
    s.get("/login")
    s.find("#username").send_keys("  Issuer ")
    s.find("#password").send_keys("demo-issuer")
    s.submit(s.find("form button[type=submit]"))
    s.check("پیشخوان" in s.driver.page_source, "« Issuer » signs in as issuer")


def walk(s):
    sign_in_without_case(s)
    date_picker(s)
    rial_separators(s)
    added_rows(s)
    confirmation(s)
    for role in ROLES:
        phone_sweep(s, role)
