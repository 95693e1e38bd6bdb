"""The print pack as PDF: each printed document goes through Chromium's print to PDF, then its page
count and text are read back (poppler-utils: pdfinfo, pdftotext, pdftoppm) and the policy's QR code
is decoded (zbar-tools: zbarimg). The PDFs are kept in the out dir."""
import base64
import os
import re
import subprocess

from selenium.webdriver.common.by import By


def flat(text):
    """pdftotext gives Persian with bidi marks and some letters reordered («بیمٔه», «باال»):
    the same folding on both sides makes the checks readable."""
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    text = text.replace("\u0654", "").replace("لا", "ال").replace("\u200c", "")
    return re.sub(r"\s+", "", text)


def pdf(s, path, name):
    s.get(path)
    data = s.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    file = os.path.join(s.out, f"print-{name}.pdf")
    with open(file, "wb") as f:
        f.write(base64.b64decode(data["data"]))
    info = subprocess.run(["pdfinfo", file], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", file, "-"], capture_output=True, text=True).stdout
    return file, pages, text


def footer_ok(text, pages):
    persian = "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in str(pages))
    return all(flat(f"صفحهٔ {''.join('۰۱۲۳۴۵۶۷۸۹'[int(d)] for d in str(p))} از {persian}") in flat(text) for p in range(1, pages + 1))


def qr_text(file, page):
    png = file[:-4] + "-qr"
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-png", file, png], check=True)
    pngs = sorted(p for p in os.listdir(os.path.dirname(file)) if p.startswith(os.path.basename(png)))
    out = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(os.path.dirname(file), pngs[-1])], capture_output=True, text=True).stdout
    return out.strip()


def walk(s):
    check = s.check
    letterhead = flat("کد بیمه‌گر نزد بیمهٔ مرکزی")
    s.login("issuer")
    s.get("/policies")
    links = []
    for a in s.finds("table a"):
        href = a.get_attribute("href") or ""
        if re.search(r"/policies/[0-9A-Fa-f-]{36}$", href) and href not in links:
            links.append(href)
    check(len(links) >= 4, "the demo has policies to print")
    printed = 0
    for link in links:
        s.get(link)
        if not s.driver.find_elements(By.XPATH, "//a[contains(., 'چاپ بیمه‌نامه')]"):
            continue  # registered, not issued: nothing to print yet
        i = printed
        printed += 1
        title = s.find("h1").text
        code_el = s.driver.find_elements(By.XPATH, "//dt[contains(., 'کد یکتا')]/following-sibling::dd[1]")
        code = code_el[0].text.strip() if code_el else ""
        file, pages, text = pdf(s, link + "/print", f"policy-{i + 1}")
        name = f"policy «{title}»"
        check(pages <= 3, f"{name} fits three A4 pages ({pages})")
        check(footer_ok(text, pages), f"{name}: every page says «صفحهٔ x از {pages}»")
        check(letterhead in flat(text), f"{name}: the letterhead")
        check(flat("ریال (") in flat(text) and flat("ریال)") in flat(text), f"{name}: the premium in words")
        check(flat("جدول پرداخت حق بیمه") in flat(text), f"{name}: the installment table")
        check(re.search(r"R-[A-Z]+-\d", text) is None, f"{name}: no rule ID")
        check(flat("فرانشیز") in flat(text) and re.search(r"فرانشیز\s*$", text, re.M) is None, f"{name}: the deductible is filled in")
        decoded = qr_text(file, pages)
        expected = s.base + "/authenticity?code=" + code
        check(bool(code) and decoded == expected, f"{name}: the QR decodes to the authenticity link ({decoded!r})")
        if i == 0:
            s.get(decoded or expected)
            check("این بیمه‌نامه معتبر است" in s.text(), "the QR's link opens the public inquiry, which confirms that policy")

    # the demo computer policy: its cheque receipt, and an endorsement document
    s.get(links[-1])
    receipts = [a.get_attribute("href") for a in s.finds("a") if "/receipt" in (a.get_attribute("href") or "")]
    if check(bool(receipts), "a policy lists its cheque receipt"):
        file, pages, text = pdf(s, receipts[0], "receipt")
        check(letterhead in flat(text) and flat("ریال)") in flat(text), "the receipt: letterhead and amount in words")
        check(footer_ok(text, pages), f"the receipt: «صفحهٔ x از {pages}»")
    for link in links:
        s.get(link)
        prints = [a.get_attribute("href") for a in s.finds("a") if "/endorsements/" in (a.get_attribute("href") or "") and "/print" in (a.get_attribute("href") or "")]
        if prints:
            file, pages, text = pdf(s, prints[0], "endorsement")
            check(pages == 3, f"the endorsement: one sheet per copy, three copies ({pages} pages)")
            check(all(flat(c) in flat(text) for c in ("نسخهٔ بیمه‌گذار", "نسخهٔ پروندهٔ صدور", "نسخهٔ حسابداری")), "the endorsement: its copy marks")
            check(flat(text).count(letterhead) == 3, "the endorsement: a letterhead on each copy")
            break

    # last: the demo computer policy is cancelled at the insured's request; its letter and the refund's
    # payment order print, the order's copies two or more to a sheet
    s.get(links[-1])
    s.find("#reason").send_keys("فروش رایانه‌ها")
    s.submit(s.xpath("//button[contains(., 'ثبت فسخ')]"))
    check("چاپ نامهٔ فسخ" in s.driver.page_source, "a cancelled policy offers its cancellation letter")
    letters = [a.get_attribute("href") for a in s.finds("a") if "/cancellation-letter" in (a.get_attribute("href") or "")]
    if letters:
        file, pages, text = pdf(s, letters[0], "cancellation-letter")
        check(pages == 1 and footer_ok(text, pages), f"the cancellation letter: one page, «صفحهٔ ۱ از ۱» ({pages})")
        check(letterhead in flat(text) and flat("فسخ شده است") in flat(text) and flat("ریال)") in flat(text),
              "the cancellation letter: letterhead, the cancellation and its amounts in words")
        check(re.search(r"R-[A-Z]+-\d", text) is None and re.search(r"[0-9]", flat(text)) is None, "the cancellation letter: no rule ID, Persian digits")
    s.get(links[-1])
    orders = [a.get_attribute("href") for a in s.finds("a") if "/payment-orders/" in (a.get_attribute("href") or "")]
    if orders:
        file, pages, text = pdf(s, orders[0], "payment-order")
        copies = len(re.findall(flat("نسخهٔ") + "[۰-۹]+" + flat("از"), flat(text)))
        check(copies >= 1 and pages <= (copies + 1) // 2, f"the payment order: {copies} copies on {pages} sheets")
        check(letterhead in flat(text) and flat("مبلغ به حروف") in flat(text), "the payment order: letterhead and amount in words")
        check(footer_ok(text, pages), f"the payment order: «صفحهٔ x از {pages}»")
    else:
        check(False, "the cancellation's refund has a payment order")
    s.shot("print-done")
