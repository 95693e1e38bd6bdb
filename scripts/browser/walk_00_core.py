"""The first walk: issuer, accountant, provider, claims and the public eligibility page, end to end."""
import os
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

# the group life member list's CSV columns: GroupMemberCSV.header, API.md's member fields
MEMBER_COLUMNS = ",".join(["firstName", "lastName", "birthDate", "birthCertificateNumber", "place" + "OfIssue", "jobTitle", "nationalCode"])


def walk(s):
    driver, base, check, submit, shot, out = s.driver, s.base, s.check, s.submit, s.shot, s.out
    driver.get(base + "/")
    check("/login" in driver.current_url, "an anonymous visitor is sent to the sign-in page")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl", "pages are right-to-left")
    shot("01-login")

    driver.find_element(By.ID, "username").send_keys("issuer")
    driver.find_element(By.ID, "password").send_keys("demo-issuer")
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check("پیشخوان" in driver.page_source, "the issuer reaches the dashboard")
    shot("02-dashboard")

    driver.get(base + "/customers/new")
    driver.find_element(By.ID, "nationalCode").send_keys("0076229646")
    driver.find_element(By.ID, "firstName").send_keys("سارا")
    driver.find_element(By.ID, "lastName").send_keys("<b>تهرانی</b>")
    submit(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    error = driver.find_elements(By.ID, "nationalCode-error")
    check(bool(error) and "کد ملی" in error[0].text, "an invalid national code is explained beside its field")
    shot("03-customer-invalid")

    field = driver.find_element(By.ID, "nationalCode")
    field.clear()
    field.send_keys("۱۲۳۴۵۶۷۸۹۱")
    driver.find_element(By.ID, "birthDate").send_keys("1370/06/31")
    driver.find_element(By.ID, "mobile").send_keys("0912 345 6789")
    submit(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    check("/customers/" in driver.current_url and "ثبت شد" in driver.page_source, "a valid customer is registered")
    check("<b>تهرانی</b>" not in driver.page_source.replace("&lt;", "<") or "&lt;b&gt;" in driver.page_source,
          "typed markup is shown as text")
    shot("04-customer-shown")

    driver.get(base + "/customers")
    check("۱۲۳۴۵۶۷۸۹۱" in driver.page_source, "the customer list shows the code in Persian digits")
    shot("05-customers")

    # Employer's liability from its own proposal page: 5,000,000,000 at the sample 0.4 % = 20,000,000,
    # registered cash; the policy page is titled by its product and offers no computer list.
    nav = driver.find_element(By.CSS_SELECTOR, "nav").text
    check(all(label in nav for label in ("بیمهٔ رایانه", "بیمهٔ شخص ثالث", "مسئولیت کارفرما", "تمام خطر پیمانکاران")),
          "the sellers' navigation offers every product's proposal")
    driver.get(base + "/quotes/employers-liability")
    driver.find_element(By.ID, "nationalCode").send_keys("0076229645")
    driver.find_element(By.ID, "sumInsured").send_keys("۵٬۰۰۰٬۰۰۰٬۰۰۰")
    driver.find_element(By.ID, "description").send_keys("کارگاه ساختمانی")
    driver.find_element(By.ID, "employees").send_keys("40")
    submit(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    check("/quotes/" in driver.current_url and "۲۰٬۰۰۰٬۰۰۰" in driver.page_source,
          "the employer's liability proposal is priced at 20,000,000")
    shot("06-liability-quote")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت بیمه‌نامه')]"))
    check("/policies/" in driver.current_url and "بیمه‌نامهٔ مسئولیت کارفرما" in driver.page_source
          and "فهرست رایانه‌ها" not in driver.page_source, "the registered policy page is titled by its product")
    shot("07-liability-policy")

    # A bank slip for the whole premium, then Back and the same form again: recorded once.
    policy_url = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "input[name=method][value=bank-slip]").click()
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت پرداخت')]"))
    check("فیش بانکی" in driver.page_source, "a bank slip is recorded")
    slip_link = driver.find_element(By.XPATH, "//a[contains(@href, '/slip')]").get_attribute("href")
    driver.back()
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت پرداخت')]"))
    check("form-already-submitted" in driver.page_source and driver.page_source.count("در انتظار تأیید بانک") <= 1,
          "Back and resubmit records nothing twice")
    shot("07b-resubmitted")
    driver.get(slip_link)
    slip_ids = [w for w in driver.find_element(By.TAG_NAME, "body").text.split() if w.isdigit() and len(w) == 10]
    check(len(slip_ids) == 1, "the printed slip carries a 10-digit payment id")
    shot("07c-slip")

    # The demo computer policy: its endorsement form keeps, removes and adds computers.
    driver.get(base + "/policies")
    driver.find_element(By.XPATH, "//a[contains(., '۱۴۰۵/۱')]").click()
    check(bool(driver.find_elements(By.CSS_SELECTOR, "input[name='remove[]']")), "the endorsement form lists the computers to keep or remove")
    driver.find_element(By.ID, "description").send_keys("افزودن چاپگر")
    driver.find_element(By.NAME, "items[0][description]").send_keys("رایانهٔ تازه")
    driver.find_element(By.NAME, "items[0][serial]").send_keys("BR-1")
    driver.find_element(By.NAME, "items[0][value]").send_keys("10000000")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت الحاقیه')]"))
    check("الحاقیه ثبت شد" in driver.page_source, "an endorsement adding a computer is recorded")
    driver.find_element(By.XPATH, "//a[contains(., 'چاپ الحاقیه')]").click()
    check(driver.page_source.count('class="copy"') == 3 and "افزوده" in driver.page_source,
          "the endorsement prints as its own document, three copies, the new computer marked")
    shot("07d-endorsement-print")
    driver.get(policy_url)

    # Supplementary health: a family of three on silver, priced per person (T-SH).
    driver.get(base + "/quotes/supplementary-health")
    driver.find_element(By.ID, "nationalCode").send_keys("0076229645")
    rows = [("0013542419", "1365/05/01", "male", "main"), ("0067749828", "1368/02/01", "female", "spouse"),
            ("0022563131", "1398/01/01", "female", "child")]
    for i, (code, birth, sex, relation) in enumerate(rows):
        driver.find_element(By.NAME, f"persons[{i}][nationalCode]").send_keys(code)
        driver.find_element(By.NAME, f"persons[{i}][birthDate]").send_keys(birth)
        Select(driver.find_element(By.NAME, f"persons[{i}][sex]")).select_by_value(sex)
        Select(driver.find_element(By.NAME, f"persons[{i}][relation]")).select_by_value(relation)
    shot("07f-health-proposal")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'محاسبهٔ حق بیمه')]"))
    check("/quotes/" in driver.current_url and "۲۲۵٬۰۰۰٬۰۰۰" in driver.page_source,
          "a family health proposal is priced at 225,000,000 (90 + 90 + 45 million)")
    shot("07g-health-quote")
    driver.set_window_size(390, 844)
    driver.get(base + "/quotes/supplementary-health")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check(width <= 400, f"the health proposal fits a phone's width ({width} px)")
    shot("07h-health-proposal-phone")
    driver.set_window_size(1200, 900)

    # The demo group health policy: its persons, each cover's ceiling left, the change form.
    driver.get(base + "/policies")
    groups = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href^='/policies/'], a[href*='/policies/']")
              if "شرکت نمونهٔ پارس" in (a.find_element(By.XPATH, "./ancestor::tr").text if a.find_elements(By.XPATH, "./ancestor::tr") else "")]
    check(bool(groups), "the policy list shows the demo company's group health policy")
    if groups:
        # the company also holds the demo group life contract: take its health policy
        for href in groups:
            driver.get(href)
            if "۲۹۸۰۰۰۱۰۰۷" in driver.page_source:
                break
        check("۲۹۸۰۰۰۱۰۰۷" in driver.page_source and "مانده" in driver.page_source,
              "the group policy page lists its persons with the ceiling left per cover")
        check(bool(driver.find_elements(By.CSS_SELECTOR, "input[type=file]")), "the group policy page takes a CSV of persons to add")
        shot("07j-health-group-policy")

    # Group term life. The demo contract in force: its number, members, the doctor's outcomes,
    # the final premium letter and the receipt (sold directly: 3 copies, no agency copy).
    driver.get(base + "/policies")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/policies/']")]
    contract_url = None
    for href in dict.fromkeys(links):
        driver.get(href)
        if "قرارداد بیمهٔ عمر زمانی گروهی" in driver.page_source:
            contract_url = href
            break
    check(contract_url is not None, "the demo has a group life contract")
    if contract_url:
        check("۶۰۰۰۰۰/۹۹۹۵/" in driver.page_source and "در انتظار نظر پزشک ۱" in driver.page_source,
              "the demo contract shows its number and one member awaiting the examination")
        shot("09-life-demo-contract")
        driver.find_element(By.XPATH, "//a[contains(., 'بیمه‌شدگان و نتیجهٔ پزشکی')]").click()
        check("اضافه‌نرخ ۵۰٪" in driver.page_source and "معاینهٔ پزشک معتمد" in driver.page_source,
              "the members page shows each member's underwriting, one with a 50 % extra")
        shot("09b-life-demo-members")
        driver.get(contract_url)
        driver.find_element(By.XPATH, "//a[contains(., 'چاپ نامهٔ حق بیمهٔ قطعی')]").click()
        check("الحاقیهٔ شمارهٔ ۱" in driver.page_source and "اضافه‌نرخ‌های پزشکی" in driver.page_source,
              "the final premium letter shows the admitted members and the extra separately")
        shot("09c-life-demo-final-premium")
        driver.get(contract_url)
        driver.find_element(By.XPATH, "//a[contains(., 'قبض رسید')]").click()
        check(driver.page_source.count('class="copy"') == 3 and "نسخهٔ بایگانی صدور" in driver.page_source,
              "the demo contract's receipt prints the customer's, accounting's and the archive's copies")
        shot("09d-life-demo-receipt")

    # A new contract from the request letter: 100 × 1,000,000,000, class 2 → plan letter 828,000,000.
    driver.get(base + "/quotes/group-life")
    driver.find_element(By.ID, "nationalCode").send_keys("10380284790")
    driver.find_element(By.ID, "sumInsured").send_keys("۱٬۰۰۰٬۰۰۰٬۰۰۰")
    driver.find_element(By.ID, "members").send_keys("100")
    driver.find_element(By.ID, "averageAge").send_keys("38")
    Select(driver.find_element(By.ID, "occupationalClass")).select_by_value("2")
    shot("10-life-request")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'طرح پیشنهادی')]"))
    check("/plan-letter" in driver.current_url and "۸۲۸٬۰۰۰٬۰۰۰" in driver.page_source and "۷٬۲۰۰٬۰۰۰" in driver.page_source,
          "the plan letter shows both covers per person and 828,000,000 in all")
    shot("10b-life-plan-letter")
    driver.find_element(By.XPATH, "//a[contains(., 'موافقت')]").click()
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت بیمه‌نامه')]"))
    check("/policies/" in driver.current_url and "ثبت بازگشت و گرفتن شمارهٔ قرارداد" in driver.page_source,
          "the agreed plan is registered and waits for the signed contract")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'شمارهٔ قرارداد')]"))
    check("قرارداد شماره گرفت" in driver.page_source and "/۹۹۹۵/" in driver.page_source, "the returned contract is numbered")
    # the member list's columns, as GroupMemberCSV.header (API.md's member fields)
    csv_path = os.path.abspath(os.path.join(out, "members.csv"))
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write(MEMBER_COLUMNS + "\n")
        f.write("عضو,بد,1406/13/01,1,تهران,کارشناس,\n")
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=members]").send_keys(csv_path)
    submit(driver.find_element(By.XPATH, "//button[contains(., 'بارگذاری فهرست')]"))
    check("سطر ۲" in driver.page_source, "a bad CSV row is reported by its line")
    shot("10c-life-bad-csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write(MEMBER_COLUMNS + "\n")
        for i in range(1, 61):
            f.write(f"عضو,شمارهٔ {i},{'1355/01/01' if i == 2 else '1370/01/01'},{2000 + i},تهران,کارشناس,\n")
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=members]").send_keys(csv_path)
    submit(driver.find_element(By.XPATH, "//button[contains(., 'بارگذاری فهرست')]"))
    check("فهرست بیمه‌شدگان ثبت" in driver.page_source and "در انتظار نظر پزشک ۱" in driver.page_source,
          "60 members are listed, one sent to the examination")
    new_contract = driver.current_url.split("?")[0]
    driver.find_element(By.XPATH, "//a[contains(., 'بیمه‌شدگان و نتیجهٔ پزشکی')]").click()
    form = driver.find_element(By.CSS_SELECTOR, "form.inline-form")
    Select(form.find_element(By.NAME, "outcome")).select_by_value("extra")
    form.find_element(By.NAME, "extraPercent").send_keys("۵۰")
    submit(form.find_element(By.CSS_SELECTOR, "button"))
    check("نتیجهٔ پزشکی ثبت شد" in driver.page_source and "اضافه‌نرخ ۵۰٪" in driver.page_source, "the doctor's 50 % extra is recorded")
    shot("10d-life-members")
    driver.get(new_contract)
    submit(driver.find_element(By.XPATH, "//button[contains(., 'حق بیمهٔ قطعی')]"))
    # 60 × 8,280,000 + 50 % × 7,200,000 = 496,800,000 + 3,600,000
    check("الحاقیهٔ حق بیمهٔ قطعی صادر شد" in driver.page_source and "۵۰۰٬۴۰۰٬۰۰۰" in driver.page_source,
          "the final premium 500,400,000 replaces the request letter's 828,000,000")
    driver.find_element(By.ID, "chequeNumber").send_keys("445566")
    driver.find_element(By.ID, "chequeBank").send_keys("ملت")
    driver.find_element(By.ID, "chequeDueDate").send_keys(driver.find_element(By.ID, "paidOn").get_attribute("value"))
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت پرداخت')]"))
    driver.find_element(By.XPATH, "//a[contains(., 'قبض رسید')]").click()
    check(driver.page_source.count('class="copy"') == 3 and "حق بیمهٔ قطعی قرارداد" in driver.page_source,
          "the new contract's cheque receipt prints in its copies")
    shot("10e-life-receipt")
    driver.get(base + "/")

    driver.find_element(By.CSS_SELECTOR, ".who button").click()
    time.sleep(0.3)
    check("/login" in driver.current_url, "signing out returns to the sign-in page")

    # Accounting confirms the slip with the bank's tracking number.
    driver.find_element(By.ID, "username").send_keys("accountant")
    driver.find_element(By.ID, "password").send_keys("demo-accountant")
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    driver.get(base + "/accounting/cheques")
    driver.find_element(By.NAME, "trackingNumber").send_keys("۱۲۳۴۵۶۷۸۹")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'تأیید بانک')]"))
    check("وصول ثبت شد" in driver.page_source, "the slip is confirmed with the bank's tracking number")
    shot("07e-slip-confirmed")

    # The accountant's reports: the dashboard's charts are SVG drawn on the server; last month's
    # issued-policies report is approved and sent; the month-end close page closes a month.
    driver.get(base + "/reports")
    check("<svg" in driver.page_source and "ضریب خسارت" in driver.page_source, "the reports dashboard draws its charts as SVG")
    shot("07f-reports-dashboard")
    reports = [a.get_attribute("href") for a in driver.find_elements(By.XPATH, "//a[contains(., 'بیمه‌نامه‌های صادرشده')]")]
    check(len(reports) > 0, "the dashboard links each begun month's reports")
    driver.get(reports[1] if len(reports) > 1 else reports[0])
    check("دریافت جدول" in driver.page_source and "بیمه‌نامهٔ" in driver.page_source, "a report lists its rows with their documents and links its CSV")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'تأیید حسابداری')]"))
    Select(driver.find_element(By.ID, "recipient")).select_by_value("statistics-reinsurance")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ارسال گزارش')]"))
    check("ارسال‌شده" in driver.page_source, "the approved report is sent to statistics & reinsurance")
    shot("07g-report-sent")
    driver.get(base + "/months")
    closable = driver.find_elements(By.XPATH, "//button[contains(., 'بستن ماه')]")
    check(len(closable) > 0, "the month-end close page offers the next month to close")
    if closable:
        submit(closable[0])
        check("ماه بسته شد" in driver.page_source, "the month is closed")
    shot("07h-month-closed")
    driver.find_element(By.CSS_SELECTOR, ".who button").click()
    time.sleep(0.3)

    # The demo pharmacy's provider takes a direct claim for the demo family's mother (visits and drugs).
    driver.find_element(By.ID, "username").send_keys("provider")
    driver.find_element(By.ID, "password").send_keys("demo-provider")
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    driver.get(base + "/health/center")
    driver.find_element(By.ID, "nationalCode").send_keys("0076229645")
    Select(driver.find_element(By.ID, "cover")).select_by_value("visit-drugs")
    driver.find_element(By.ID, "cost").send_keys("2000000")
    driver.find_element(By.ID, "basePaid").send_keys("600000")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'ثبت و محاسبه')]"))
    check("سهم بیمه‌گر ۱٬۴۰۰٬۰۰۰ ریال" in driver.page_source, "a direct claim at the demo pharmacy pays 1,400,000 at once")
    shot("07i-health-center")
    driver.find_element(By.CSS_SELECTOR, ".who button").click()
    time.sleep(0.3)

    # The claims expert's notice form asks the questions that make conditional documents required.
    driver.find_element(By.ID, "username").send_keys("claims")
    driver.find_element(By.ID, "password").send_keys("demo-claims")
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    driver.get(base + "/claims/new")
    check("آیا حادثه به فوت انجامیده است؟" in driver.page_source and "تاریخ آگاهی از ادعا" in driver.page_source,
          "the notice form asks the file's conditions and the day the claim became known")
    shot("08-claim-notice")
    driver.find_element(By.CSS_SELECTOR, ".who button").click()
    time.sleep(0.3)

    # The public eligibility page: a credit code by SMS (the development driver's log), then two
    # inquiries; the quota falls by one each time.
    driver.get(base + "/eligibility")
    check("استعلام پوشش بیمهٔ درمان" in driver.page_source, "the public eligibility page opens without sign-in")
    driver.find_element(By.ID, "mobile").send_keys("09121234567")
    submit(driver.find_element(By.CSS_SELECTOR, "form[action='/eligibility/credit-code'] button"))
    check("پیامک شد" in driver.page_source, "a credit code is sent")
    with open(os.environ.get("SMS_LOG", "sms-outbox.log"), encoding="utf-8") as log:
        code = [w for w in log.read().strip().splitlines()[-1].split() if w.isdigit() and len(w) == 10][0]
    driver.find_element(By.ID, "creditCode").send_keys(code)
    driver.find_element(By.ID, "person").send_keys("0076229645")
    submit(driver.find_element(By.CSS_SELECTOR, "#inquiry button[type=submit]"))
    check("از حمایت‌های درمانی برخوردار می‌باشید" in driver.page_source and "باقی‌مانده: ۱۹" in driver.page_source,
          "a covered person, quota 19 left")
    shot("06-eligibility-covered")
    driver.find_element(By.ID, "creditCode").clear()
    driver.find_element(By.ID, "creditCode").send_keys(code)
    driver.find_element(By.ID, "person").clear()
    driver.find_element(By.ID, "person").send_keys("1583250689")
    submit(driver.find_element(By.CSS_SELECTOR, "#inquiry button[type=submit]"))
    check("برخوردار نمی‌باشید" in driver.page_source and "باقی‌مانده: ۱۸" in driver.page_source,
          "a person whose cover ended, quota 18 left")
    shot("07-eligibility-not-covered")
