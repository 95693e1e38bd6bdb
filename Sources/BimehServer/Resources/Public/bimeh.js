// Bimeh — the pages' small helpers. Every page works without this file; it only adds:
// a Jalali date picker beside date fields, live thousands separators and the toman equivalent
// under rial fields, added item rows without a round trip, confirmations before irreversible
// actions, and labels on table cells so that tables stack into rows on a phone.
(function () {
  "use strict";

  // --- Jalali arithmetic: the Kit's rule (InsuranceKit JalaliDate), ICU's 33-year arithmetic cycle.
  var MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
  var WEEKDAYS = ["ش", "ی", "د", "س", "چ", "پ", "ج"]; // Saturday first
  var EPOCH = 1948320; // Julian day number of 1 Farvardin 1

  function floorDiv(a, b) { return Math.floor(a / b); }
  function mod(a, b) { return a - b * Math.floor(a / b); }
  function isLeap(year) { return mod(25 * year + 11, 33) < 8; }
  function monthLength(year, month) {
    if (month >= 1 && month <= 6) return 31;
    if (month >= 7 && month <= 11) return 30;
    if (month === 12) return isLeap(year) ? 30 : 29;
    return 0;
  }
  function julianDay(year, month, day) {
    var start = EPOCH - 1 + 365 * (year - 1) + floorDiv(8 * year + 21, 33);
    return start + (month <= 7 ? 31 * (month - 1) : 30 * (month - 1) + 6) + day;
  }
  // 0 = Saturday … 6 = Friday
  function weekday(year, month, day) { return mod(julianDay(year, month, day) + 2, 7); }

  var persianZero = "۰".charCodeAt(0), arabicZero = "٠".charCodeAt(0);
  function latinDigits(text) {
    return String(text).replace(/[۰-۹]/g, function (c) { return String(c.charCodeAt(0) - persianZero); })
      .replace(/[٠-٩]/g, function (c) { return String(c.charCodeAt(0) - arabicZero); });
  }
  function persianDigits(text) {
    return String(text).replace(/[0-9]/g, function (c) { return String.fromCharCode(persianZero + Number(c)); });
  }
  // today in the browser, as a Jalali date: where the picker opens for an empty field
  function jalaliToday() {
    var now = new Date();
    var jd = Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000) + 2440588;
    var y = Math.floor((jd - EPOCH) / 365.2422) + 1;
    while (julianDay(y + 1, 1, 1) <= jd) y++;
    while (julianDay(y, 1, 1) > jd) y--;
    var doy = jd - julianDay(y, 1, 1);
    return doy < 186 ? { year: y, month: Math.floor(doy / 31) + 1 } : { year: y, month: Math.floor((doy - 186) / 30) + 7 };
  }
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function parseDate(text) {
    var m = /^\s*(\d{4})\s*[\/\-.]\s*(\d{1,2})\s*[\/\-.]\s*(\d{1,2})\s*$/.exec(latinDigits(text || ""));
    if (!m) return null;
    var y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return { year: y, month: mo, day: d, valid: mo >= 1 && mo <= 12 && d >= 1 && d <= monthLength(y, mo) };
  }
  window.bimehJalali = { isLeap: isLeap, monthLength: monthLength, weekday: weekday, parse: parseDate, today: jalaliToday };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // --- the date picker
  var DATE_FIELDS = "input[data-date], input[name$='Date'], input[name='date'], input[name='paidOn'], input[name='expiry'], input[name$='[date]']";

  function datePicker(input) {
    if (input.dataset.picker || input.type === "hidden" || input.readOnly) return;
    input.dataset.picker = "on";
    var wrap = el("span", { "class": "picker-wrap" });
    var toggle = el("button", { type: "button", "class": "picker-toggle", "aria-label": "انتخاب تاریخ از تقویم", "aria-expanded": "false" }, "تقویم");
    var note = el("span", { "class": "error picker-note", role: "status" });
    input.parentNode.insertBefore(wrap, input.nextSibling);
    wrap.appendChild(toggle);
    wrap.appendChild(note);
    var panel = null, shown = null;

    function check() {
      var parsed = parseDate(input.value);
      var bad = input.value.trim() !== "" && (!parsed || !parsed.valid);
      note.textContent = bad ? (parsed && parsed.month >= 1 && parsed.month <= 12
        ? "ماه " + MONTHS[parsed.month - 1] + " سال " + persianDigits(parsed.year) + " " + persianDigits(monthLength(parsed.year, parsed.month)) + " روز دارد."
        : "تاریخ را به شکل ۱۴۰۵/۰۱/۱۵ بنویسید.") : "";
      input.classList.toggle("date-invalid", bad);
      return parsed;
    }
    function close() {
      if (panel) { panel.remove(); panel = null; }
      toggle.setAttribute("aria-expanded", "false");
    }
    function draw() {
      panel.textContent = "";
      var head = el("div", { "class": "picker-head" });
      var prev = el("button", { type: "button", "class": "picker-prev", "aria-label": "ماه قبل" }, "‹");
      var next = el("button", { type: "button", "class": "picker-next", "aria-label": "ماه بعد" }, "›");
      var title = el("span", { "class": "picker-title" }, MONTHS[shown.month - 1] + " " + persianDigits(shown.year));
      var year = el("input", { type: "text", inputmode: "numeric", "class": "picker-year", "aria-label": "سال", dir: "ltr", value: String(shown.year) });
      prev.addEventListener("click", function () { step(-1); });
      next.addEventListener("click", function () { step(1); });
      year.addEventListener("change", function () {
        var y = Number(latinDigits(year.value));
        if (y >= 1 && y <= 9999) { shown.year = y; draw(); }
      });
      head.appendChild(next); head.appendChild(title); head.appendChild(year); head.appendChild(prev);
      panel.appendChild(head);
      var grid = el("div", { "class": "picker-grid", role: "grid" });
      WEEKDAYS.forEach(function (w) { grid.appendChild(el("span", { "class": "picker-weekday" }, w)); });
      for (var i = 0; i < weekday(shown.year, shown.month, 1); i++) grid.appendChild(el("span"));
      var picked = parseDate(input.value);
      for (var d = 1; d <= monthLength(shown.year, shown.month); d++) {
        var value = shown.year + "/" + pad(shown.month) + "/" + pad(d);
        var day = el("button", { type: "button", "class": "picker-day", "data-value": value }, persianDigits(d));
        if (picked && picked.valid && picked.year === shown.year && picked.month === shown.month && picked.day === d) day.setAttribute("aria-pressed", "true");
        day.addEventListener("click", function (e) {
          input.value = e.currentTarget.getAttribute("data-value");
          input.dispatchEvent(new Event("input", { bubbles: true }));
          check(); close(); input.focus();
        });
        grid.appendChild(day);
      }
      panel.appendChild(grid);
    }
    function step(delta) {
      var m = shown.month + delta;
      shown = { year: shown.year + floorDiv(m - 1, 12), month: mod(m - 1, 12) + 1 };
      draw();
    }
    toggle.addEventListener("click", function () {
      if (panel) { close(); return; }
      var parsed = parseDate(input.value);
      shown = parsed && parsed.month >= 1 && parsed.month <= 12 ? { year: parsed.year, month: parsed.month } : jalaliToday();
      panel = el("div", { "class": "picker", role: "dialog", "aria-label": "تقویم خورشیدی" });
      wrap.appendChild(panel);
      toggle.setAttribute("aria-expanded", "true");
      draw();
    });
    input.addEventListener("change", check);
    input.addEventListener("blur", check);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  }

  // --- rial fields: separators while typing, the toman equivalent under the field
  var RIAL_FIELDS = "input[data-rial], input[name='amount'], input[name='sumInsured'], input[name='downPayment'], input[name$='[value]'], input[name='loss'], input[name='salvage'], input[name$='[loss]'], input[name='benefit']";

  function groupDigits(digits, separator) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }
  function rialField(input) {
    if (input.dataset.rialOn || input.type === "hidden") return;
    input.dataset.rialOn = "on";
    var hint = el("small", { "class": "toman", "aria-live": "polite" });
    input.parentNode.insertBefore(hint, input.nextSibling);
    function update() {
      var raw = input.value;
      var persian = /[۰-۹]/.test(raw);
      var digits = latinDigits(raw).replace(/[,\u066C\s\u00A0]/g, "");
      if (!/^\d+$/.test(digits)) { hint.textContent = ""; return; }
      // keep the caret after the same number of digits
      var caret = input.selectionStart === null ? raw.length : input.selectionStart;
      var before = latinDigits(raw.slice(0, caret)).replace(/[^\d]/g, "").length;
      var grouped = groupDigits(digits.replace(/^0+(?=\d)/, ""), persian ? "٬" : ",");
      if (persian) grouped = persianDigits(grouped);
      if (grouped !== raw) {
        input.value = grouped;
        var pos = 0, seen = 0;
        while (pos < grouped.length && seen < before) { if (/\d/.test(latinDigits(grouped[pos]))) seen++; pos++; }
        if (document.activeElement === input) input.setSelectionRange(pos, pos);
      }
      var n = digits.replace(/^0+(?=\d)/, "");
      var toman = n.length > 1 ? n.slice(0, -1) : "0";
      var rest = n.slice(-1);
      hint.textContent = "= " + persianDigits(groupDigits(toman, "٬")) + (rest !== "0" ? "٫" + persianDigits(rest) : "") + " تومان";
    }
    input.addEventListener("input", update);
    update();
  }

  // --- «ردیف‌های بیشتر»: clone the last row of the table, renumber its names, keep what was typed
  function addRows(button) {
    var table = document.getElementById(button.getAttribute("data-add-rows"));
    if (!table) return;
    button.addEventListener("click", function (e) {
      var body = table.tBodies[0];
      var last = body.rows[body.rows.length - 1];
      if (!last) return;
      e.preventDefault();
      for (var n = 0; n < 5; n++) {
        var index = body.rows.length;
        var row = last.cloneNode(true);
        row.querySelectorAll("input, select, textarea").forEach(function (field) {
          field.name = field.name.replace(/\[\d+\]/, "[" + index + "]");
          if (field.type === "checkbox" || field.type === "radio") field.checked = false; else field.value = "";
          delete field.dataset.rialOn;
          field.classList.remove("date-invalid");
        });
        row.querySelectorAll(".toman, .error, .picker-wrap").forEach(function (x) { x.remove(); });
        var number = row.querySelector("[data-row-number]");
        if (number) number.textContent = persianDigits(index + 1);
        body.appendChild(row);
        enhance(row);
      }
    });
  }

  // --- confirmations before irreversible actions: data-confirm on the button or the form
  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute("data-confirm")) || e.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) e.preventDefault();
  });

  // --- tables: each cell carries its column's title, shown beside it when the table stacks
  function labelCells(table) {
    if (table.classList.contains("sheet-table") || table.dataset.labelled) return;
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    table.dataset.labelled = "on";
    var titles = [];
    Array.prototype.forEach.call(head.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i++) titles.push(cell.textContent.trim());
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && titles[column]) cell.setAttribute("data-label", titles[column]);
          column += cell.colSpan || 1;
        });
      });
    });
    table.classList.add("stackable");
  }

  function enhance(root) {
    root.querySelectorAll(DATE_FIELDS).forEach(datePicker);
    root.querySelectorAll(RIAL_FIELDS).forEach(rialField);
    root.querySelectorAll("table").forEach(labelCells);
  }

  function start() {
    document.documentElement.classList.add("js");
    enhance(document);
    document.querySelectorAll("[data-add-rows]").forEach(addRows);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
