"""Form errors beside their fields (issue #16), at 390 px: each proposal form, the claim page's
steps and upload, the payment form and the group list upload come back after a bad value with the
message next to its input (same container), the typed value still in it, nothing wider than the
phone."""
import os
import tempfile

from selenium.webdriver.common.by import By

CUSTOMER = "0076229645"


def beside(s, input_css, error_id):
    """The error element is visible and shares its container with the input (JS compares them)."""
    return s.driver.execute_script("""
        const input = document.querySelector(arguments[0]), error = document.getElementById(arguments[1]);
        if (!input || !error || !error.offsetParent) return false;
        let box = error.parentElement;
        if (box.tagName === 'TD') box = box.closest('tr');
        return box.contains(input) && input.getAttribute('aria-describedby') === arguments[1]
            && input.getAttribute('aria-invalid') === 'true';
    """, input_css, error_id)


def type_into(s, css, text):
    field = s.find(css)
    field.clear()
    field.send_keys(text)


def digits(text):
    """The value without the thousands separators the rial helper adds while typing."""
    return (text or "").replace(",", "").replace("\u066c", "")


def judge(s, what, input_css, error_id, value):
    s.check(beside(s, input_css, error_id), f"{what}: the message stands beside its input")
    s.check(digits(s.find(input_css).get_attribute("value")) == digits(value), f"{what}: the typed «{value}» is kept")
    s.check(s.scroll_width() <= 390, f"{what}: no horizontal scroll at 390 px ({s.scroll_width()} px)")
    stray = s.errors_beside_fields()
    s.check(stray == [], f"{what}: every error beside a field {stray}")
    s.shot(what.replace(" ", "-"))


def big_file(size, name):
    path = os.path.join(tempfile.gettempdir(), name)
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n" + b" " * size)
    return path


def proposals(s):
    s.get("/quotes/third-party")
    type_into(s, "#nationalCode", CUSTOMER)
    type_into(s, "#previousPolicyEndDate", "1404/13/40")
    type_into(s, "#vehicleAgeYears", "5")
    s.submit(s.button("محاسبهٔ حق بیمه"))
    judge(s, "third-party date", "#previousPolicyEndDate", "previousPolicyEndDate-error", "1404/13/40")
    s.check(s.find("#vehicleAgeYears").get_attribute("value") == "5", "third-party: the other typed numbers kept")

    s.get("/quotes/supplementary-health")
    type_into(s, "#nationalCode", CUSTOMER)
    type_into(s, "input[name='persons[0][nationalCode]']", CUSTOMER)
    type_into(s, "input[name='persons[0][firstName]']", "مریم")
    type_into(s, "input[name='persons[0][lastName]']", "احمدی")
    type_into(s, "input[name='persons[0][birthDate]']", "1365/13/01")
    s.submit(s.button("محاسبهٔ حق بیمه"))
    judge(s, "health birth date", "input[name='persons[0][birthDate]']", "persons-0-birthDate-error", "1365/13/01")

    s.get("/quotes/term-life")
    type_into(s, "#nationalCode", CUSTOMER)
    type_into(s, "#birthDate", "1365/05/01")
    type_into(s, "#sumInsured", "99999999999999999999")
    type_into(s, "#termYears", "10")
    for radio in s.finds("input[type=radio][value=no]"):
        radio.click()
    s.submit(s.button("محاسبهٔ حق بیمه"))
    judge(s, "term-life sum", "#sumInsured", "sumInsured-error", "99999999999999999999")


def health_group_upload(s):
    s.get("/quotes/supplementary-health")
    type_into(s, "#groupCode", "10101010101")
    s.find("#members").send_keys(big_file(5 * 1024 * 1024, "bimeh-forms-members.csv"))
    s.submit(s.button("محاسبهٔ حق بیمهٔ گروه"))
    s.check("حجم فایل بیش از" in s.text(), "health group list of 5 MB: «حجم فایل بیش از …» on the form")
    s.check(beside(s, "#members", "members-error"), "health group list: the message beside the file input")
    s.check(s.find("#groupCode").get_attribute("value") == "10101010101", "health group list: the employer's code kept")
    s.check(s.scroll_width() <= 390, "health group list: no horizontal scroll")


def first_page_with(s, listing, css, limit=15):
    """The first page linked from `listing` that has an element `css`."""
    s.get(listing)
    hrefs = [a.get_attribute("href") for a in s.finds("table tbody tr a[href]")][:limit]
    for href in dict.fromkeys(hrefs):
        s.get(href)
        if s.finds(css):
            return href
    return None


def payment_form(s):
    page = first_page_with(s, "/policies", "#chequeDueDate")
    if not s.check(page is not None, "a policy with the payment form"):
        return
    type_into(s, "#amount", "۷۰۰٬۰۰۰")
    type_into(s, "#chequeNumber", "778899")
    type_into(s, "#chequeBank", "ملت")
    type_into(s, "#chequeDueDate", "1405/02/32")
    s.submit(s.button("ثبت پرداخت"))
    judge(s, "payment cheque due date", "#chequeDueDate", "cheque-dueDate-error", "1405/02/32")
    s.check(s.find("#amount").get_attribute("value") == "۷۰۰٬۰۰۰" and s.find("#chequeBank").get_attribute("value") == "ملت",
            "payment: amount and bank kept as typed")


def open_claim(s):
    """A claim on the demo computer policy, opened on the notice form; True when its page is shown."""
    s.get("/policies")
    row = [r for r in s.finds("main tbody tr") if "رایانه" in r.text]
    if not row:
        return False
    number = row[0].find_element(By.CSS_SELECTOR, "a").text
    s.get("/claims/new")
    s.find("#policyNumber").send_keys(number)
    groups = [g for g in s.finds("#kind optgroup") if "رایانه" in g.get_attribute("label")]
    if groups:
        groups[0].find_element(By.CSS_SELECTOR, "option").click()
    s.find("#description").send_keys("آب‌گرفتگی اتاق سرور")
    s.submit(s.find("form.form button[type=submit]"))
    return bool(s.finds("#file"))


def claim_page(s):
    s.login("claims")
    s.phone()
    if not s.check(open_claim(s), "a claim with the document upload"):
        return
    s.find("#file").send_keys(big_file(6 * 1024 * 1024, "bimeh-forms-scan.pdf"))
    s.submit(s.button("بارگذاری"))
    s.check("حجم فایل بیش از" in s.text(), "claim document of 6 MB: «حجم فایل بیش از …» on the claim page")
    s.check(beside(s, "#file", "file-error"), "claim document: the message beside the file input")
    s.check(s.scroll_width() <= 390, "claim document: no horizontal scroll")
    s.check(s.errors_beside_fields() == [], "claim document: every error beside a field")
    s.shot("claim-document-too-large")
    if s.check(bool(s.finds("#visitDate")), "the new claim offers the visit form"):
        type_into(s, "#visitDate", "1405/01/32")
        type_into(s, "#expert", "مهندس کارشناس")
        s.submit(s.button("برنامهٔ بازدید"))
        judge(s, "claim visit date", "#visitDate", "visitDate-error", "1405/01/32")
        s.check(s.find("#expert").get_attribute("value") == "مهندس کارشناس", "claim visit: the expert's name kept")


def walk(s):
    s.login("issuer")
    s.phone()
    proposals(s)
    health_group_upload(s)
    payment_form(s)
    claim_page(s)
    s.desktop()
