"""The customer file's edit: a wrong postal code is explained beside its field, then the demo
customer's address is saved and shown in the file with its edit history."""
from urllib.parse import quote


def walk(s):
    check, shot = s.check, s.shot
    s.login("issuer")
    s.get("/customers?q=" + quote("1583250689"))
    file_url = s.find("table tbody tr a").get_attribute("href")
    s.get(file_url)
    s.get(s.link("ویرایش مشخصات").get_attribute("href"))
    check("/edit" in s.driver.current_url, "the customer file links to the edit form")

    address = s.find("#address")
    address.clear()
    address.send_keys("تهران، خیابان انقلاب، کوچهٔ نسترن، پلاک ۷")
    postal = s.find("#postalCode")
    postal.clear()
    postal.send_keys("12345")
    s.submit(s.button("ذخیره"))
    error = s.finds("#postalCode-error")
    check(bool(error) and "کد پستی" in error[0].text, "a short postal code is explained beside its field")
    check("کوچهٔ نسترن" in s.find("#address").get_attribute("value"), "the typed address is kept")
    shot("01-customer-edit-invalid")

    postal = s.find("#postalCode")
    postal.clear()
    postal.send_keys("۱۴۳۵۹۱۳۱۱۱")
    s.submit(s.button("ذخیره"))
    check(s.driver.current_url.startswith(file_url) and "ذخیره شد" in s.text(), "the edit is saved and the file shown")
    check("کوچهٔ نسترن" in s.find("#customer-address").text, "the file shows the new address")
    check(bool(s.finds("#customer-edits")) and "نشانی" in s.find("#customer-edits").text, "the file lists the edit")
    shot("02-customer-file-edited")
    s.phone()
    s.get(file_url.replace(s.base, "") + "/edit")
    check(s.scroll_width() <= s.driver.execute_script("return window.innerWidth"), "the edit form fits a phone")
    shot("03-customer-edit-phone")
    s.desktop()
