"""One headless Chromium shared by every walk, with the small helpers the walks use."""
import os
import re
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

DESKTOP = (1366, 900)
PHONE = (390, 844)


# --- the page's language and layout (lint) ------------------------------------------------------
# What a user reads must be Persian: no English words, no Latin digits, no field paths or machine
# codes. Latin is allowed only where it is data: an IBAN (IR + 24 digits), and an identifier that
# mixes Latin letters with digits (serials, VIN/chassis numbers, «BR-1»). What the user typed is
# passed by the walk as `allow`; an element marked translate="no" is data shown as it is (a CSV's
# column names, a rule reference on a staff page). docs/DECISIONS.md («The browser lint») has the reasons.
IBAN = re.compile(r"\bIR[0-9]{2}(?:[ \u00a0]?[0-9]{2,4}){5,11}\b")
IDENTIFIER = re.compile(r"\b(?=[A-Za-z0-9/-]*[A-Za-z])(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*\b")
FIELD_PATH = re.compile(r"\b[A-Za-z]+(?:\[[0-9]+\])+(?:\.[A-Za-z]+(?:\[[0-9]+\])*)*|\binputs(?:\.[A-Za-z]+)+|\[[0-9]+\]")
RULE_ID = re.compile(r"\bR-[A-Z]{1,3}-\d{2}\b")
MACHINE_CODE = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b|\b[a-z]+\.[a-z][a-z.-]*\b")
ENGLISH = re.compile(r"[A-Za-z]{2,}")
LATIN_DIGITS = re.compile(r"[0-9]+")


def lint_findings(text, allow=()):
    """What in `text` a user should not read; the order is the most telling first."""
    for typed in sorted(allow, key=len, reverse=True):
        if typed:
            text = text.replace(typed, " ")
    findings = []
    for name, pattern in (("field path", FIELD_PATH), ("rule ID", RULE_ID), ("machine code", MACHINE_CODE)):
        findings += [f"{name} «{m.group(0)}»" for m in pattern.finditer(text)]
    data = text
    for pattern in (FIELD_PATH, RULE_ID, MACHINE_CODE, IBAN, IDENTIFIER):  # each reported once, data left out
        data = pattern.sub(" ", data)
    findings += [f"English «{m.group(0)}»" for m in ENGLISH.finditer(data)]
    findings += [f"Latin digits «{m.group(0)}»" for m in LATIN_DIGITS.finditer(data)]
    return list(dict.fromkeys(findings))


class Session:
    def __init__(self, base, out):
        self.base = base.rstrip("/")
        self.out = out
        os.makedirs(out, exist_ok=True)
        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=%d,%d" % DESKTOP, "--lang=fa"):
            options.add_argument(arg)
        # a confirm() before an irreversible action (data-confirm) is accepted unless a walk answers it
        options.set_capability("unhandledPromptBehavior", "accept")
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.failures = []
        self.walk = ""

    # --- checks ---------------------------------------------------------------------------
    def check(self, condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            self.failures.append(f"{self.walk}: {what}")
            self.shot("FAIL-" + str(len(self.failures)))
        return condition

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.out, f"{self.walk}-{name}.png"))

    # --- navigation -----------------------------------------------------------------------
    def get(self, path):
        self.driver.get(path if path.startswith("http") else self.base + path)

    def submit(self, button):
        """Clicks a submit button and waits until the next page has replaced this one."""
        button.click()
        try:
            WebDriverWait(self.driver, 10).until(expected_conditions.staleness_of(button))
        except WebDriverException:
            pass  # the button's node already left the document: the next page replaced it

    def login(self, username, password=None):
        self.logout()
        self.get("/login")
        self.driver.find_element(By.ID, "username").send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(password or "demo-" + username.strip().lower())
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    def logout(self):
        self.driver.delete_all_cookies()

    def phone(self):
        self.driver.set_window_size(*PHONE)

    def desktop(self):
        self.driver.set_window_size(*DESKTOP)

    # --- what the page shows ----------------------------------------------------------------
    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def scroll_width(self):
        return self.driver.execute_script("return document.documentElement.scrollWidth")

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def xpath(self, xp):
        return self.driver.find_element(By.XPATH, xp)

    def button(self, label):
        return self.driver.find_element(By.XPATH, f"//button[contains(., '{label}')]")

    def link(self, label):
        return self.driver.find_element(By.XPATH, f"//a[contains(., '{label}')]")

    def pause(self, seconds=0.3):
        time.sleep(seconds)

    def quit(self):
        self.driver.quit()

    # --- lint -------------------------------------------------------------------------------
    def lint(self, what, allow=()):
        """Checks the current page: fits the window's width, and its visible text is Persian."""
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        window = self.driver.execute_script("return window.innerWidth")
        ok = self.check(width <= window, f"{what}: no horizontal scroll ({width} px in {window} px)")
        seen = [self.text()] + [e.get_attribute("placeholder") or "" for e in self.finds("[placeholder]")]
        # translate="no" marks data shown as it is: file formats and column names, rule notes on staff pages
        data = [e.text for e in self.finds("[translate=no]")]
        findings = lint_findings("\n".join(seen), list(allow) + data)
        return self.check(not findings, f"{what}: Persian only" + ("" if not findings else " — " + ", ".join(findings[:8]))) and ok


    def errors_beside_fields(self):
        """The form errors (`.error[data-field]`) that stand in no container of an input: each
        should share its parent (a table row, for a message in a cell) with an input, select or
        textarea. Returns them as «field: message»; a walk asserts the list is empty."""
        return self.driver.execute_script("""
            const out = [];
            for (const e of document.querySelectorAll('.error[data-field]')) {
                let box = e.parentElement;
                if (box && (box.tagName === 'TD' || box.tagName === 'TH')) box = box.closest('tr');
                const inputs = box ? [...box.querySelectorAll('input, select, textarea')].filter(i => i.type !== 'hidden') : [];
                if (!inputs.length) out.push(e.dataset.field + ': ' + e.textContent.trim().slice(0, 80));
            }
            return out;
        """)

    def lint_errors(self, what):
        """Every form error is shown beside its field: an element `<field id>-error` near the field,
        and no error about a field that only the banner at the top carries."""
        problems = self.driver.execute_script("""
            const out = [];
            const near = (a, b) => {
                const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
                return Math.abs(r.top - s.bottom) < 120 || Math.abs(s.top - r.bottom) < 120
                    || (a.closest('.field') && a.closest('.field') === b.closest('.field'));
            };
            for (const e of document.querySelectorAll('[id$="-error"]')) {
                if (!e.textContent.trim()) continue;
                const field = document.getElementById(e.id.slice(0, -6));
                if (!field) out.push(e.id + ': no field #' + e.id.slice(0, -6));
                else if (!near(e, field)) out.push(e.id + ': far from its field');
            }
            const beside = new Set([...document.querySelectorAll('[id$="-error"][data-field]')].map(e => e.dataset.field));
            for (const e of document.querySelectorAll('.alert [data-field], .alert[data-field]')) {
                const f = e.dataset.field;
                if (f && !beside.has(f)) out.push('«' + e.textContent.trim().slice(0, 60) + '» only in the banner (' + f + ')');
            }
            return out;""")
        return self.check(not problems, f"{what}: every form error beside its field" + ("" if not problems else " — " + "; ".join(problems[:6])))

