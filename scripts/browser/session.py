"""One headless Chromium shared by every walk, with the small helpers the walks use."""
import os
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

DESKTOP = (1366, 900)
PHONE = (390, 844)


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
