// Public eligibility page (R-EL-04): scan the barcode of an insurance booklet or card with the
// phone's camera where the browser has BarcodeDetector; everywhere else the field is typed.
(function () {
  "use strict";
  var button = document.getElementById("scan");
  var video = document.getElementById("camera");
  var field = document.getElementById("person");
  var status = document.getElementById("scan-status");
  if (!button || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  button.hidden = false;

  // The booklet's barcode carries the national code (10 digits) or foreign ID (12 digits).
  function identifierIn(text) {
    var digits = String(text).replace(/[۰-۹]/g, function (d) { return "۰۱۲۳۴۵۶۷۸۹".indexOf(d); })
                             .replace(/[٠-٩]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩".indexOf(d); })
                             .replace(/\D/g, "");
    return (digits.length === 10 || digits.length === 12) ? digits : null;
  }

  button.addEventListener("click", async function () {
    var detector = new window.BarcodeDetector();
    var stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (e) {
      status.textContent = "دسترسی به دوربین داده نشد؛ کد را دستی وارد کنید.";
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    status.textContent = "بارکد را جلوی دوربین نگه دارید…";
    var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); video.hidden = true; };
    var tries = 0;
    var timer = setInterval(async function () {
      tries += 1;
      try {
        var found = await detector.detect(video);
        for (var i = 0; i < found.length; i++) {
          var code = identifierIn(found[i].rawValue);
          if (code) {
            clearInterval(timer); stop();
            field.value = code;
            status.textContent = "کد خوانده شد.";
            return;
          }
        }
      } catch (e) { /* a frame that cannot be read; try the next */ }
      if (tries > 100) { clearInterval(timer); stop(); status.textContent = "بارکد خوانده نشد؛ کد را دستی وارد کنید."; }
    }, 300);
  });
})();
