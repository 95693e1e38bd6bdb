"""Every role's daily pages: sign in as each role, open every page its navigation and dashboard
link to, at 1366×900 and at 390×844, and lint each (fits the width, Persian only); then an error
page and a form with errors (each error beside its field)."""
import re
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

ROLES = ("issuer", "agent", "accountant", "claims", "head", "admin", "provider")
# downloads and the sign-out are not pages to read
SKIP = (".csv", "format=csv", "/export", "/logout")


def links(s):
    """The same-site pages the navigation and the page's body link to, in their order."""
    found = []
    for a in s.finds("nav a[href], main a[href]"):
        href = a.get_attribute("href") or ""
        url = urlparse(href)
        if not href.startswith(s.base) or any(k in href for k in SKIP):
            continue
        path = url.path + ("?" + url.query if url.query else "")
        if path not in found:
            found.append(path)
    return found


PER_KIND = 6
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def records(s, pages):
    """A few records of each kind the role's lists open (policies of several products, a claim, a
    customer …), and the forms the lists offer: the pages behind the lists are read every day too."""
    kinds, found = {}, []
    for path in pages:
        s.get(path)
        for href in links(s):
            kind = re.sub(r"[0-9]+", "{n}", UUID.sub("{id}", urlparse(href).path))
            if href not in pages and href not in found and kinds.get(kind, 0) < (PER_KIND if "{id}" in kind else 1):
                kinds[kind] = kinds.get(kind, 0) + 1
                found.append(href)
    return found


def walk(s):
    for role in ROLES:
        s.desktop()
        s.login(role)
        s.check("/login" not in s.driver.current_url, f"{role} signs in")
        pages = ["/"] + [p for p in links(s) if p != "/"]
        pages += [p for p in records(s, pages) if p not in pages]
        for path in pages:
            for size, resize in (("1366", s.desktop), ("390", s.phone)):
                resize()
                s.get(path)
                s.lint(f"{role} {path} at {size} px")
        s.desktop()

    # a claim file opened by the claims expert: its history names people and Tehran times
    s.login("claims")
    s.get("/policies")
    row = [r for r in s.finds("main tbody tr") if "رایانه" in r.text]
    s.check(bool(row), "the policy list shows the demo computer policy")
    if row:
        number = row[0].find_element(By.CSS_SELECTOR, "a").text
        s.get("/claims/new")
        s.find("#policyNumber").send_keys(number)
        # the loss and notice dates come filled with today
        today = s.find("#noticeDate").get_attribute("value").translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        groups = [g for g in s.finds("#kind optgroup") if "رایانه" in g.get_attribute("label")]
        s.check(bool(groups), "the notice form offers the computer policy's cases")
        if groups:
            groups[0].find_element(By.CSS_SELECTOR, "option").click()
        s.find("#description").send_keys("آب‌گرفتگی اتاق سرور")
        s.submit(s.find("form.form button[type=submit]"))
        s.check(bool(UUID.search(s.driver.current_url)), "the claims expert opens a claim on the computer policy")
        history = s.text().split("گردش کار پرونده")[-1]
        s.check("کارشناس خسارت (نمایشی)" in history and "claims" not in history,
                "the claim history names the expert by name, not by username")
        s.check(today in history, "the claim history's time is the Jalali Tehran day, in Persian digits")
        for size, resize in (("1366", s.desktop), ("390", s.phone)):
            resize()
            s.get(s.driver.current_url)
            s.lint(f"the claim file at {size} px", allow=("آب‌گرفتگی اتاق سرور",))
        s.desktop()
        s.shot("claim-file")

    # an error page a role can reach: a provider asking for the policy list is refused, in Persian
    s.login("provider")
    s.get("/policies")
    s.check("forbidden" not in s.text(), "the refusal page names no machine code")
    s.lint("the refusal page")
    s.get("/no-such-page")
    s.lint("the not-found page")

    # a form with errors: each error sits beside its field
    s.login("issuer")
    s.get("/customers/new")
    s.find("#nationalCode").send_keys("0076229646")
    s.submit(s.find("form.form button[type=submit]"))
    s.lint_errors("the customer form with a wrong national code")
    s.lint("the customer form with a wrong national code", allow=("0076229646",))
    s.get("/quotes/employers-liability")
    s.find("#nationalCode").send_keys("0076229645")
    s.submit(s.find("form.form button[type=submit]"))
    s.lint_errors("the employer's liability proposal without a sum insured")
    s.lint("the employer's liability proposal without a sum insured", allow=("0076229645",))
    s.shot("proposal-errors")
