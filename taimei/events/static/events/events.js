// Remember the visitor's time zone once (if it is one we show), so times read right at once.
(function () {
  if (document.cookie.split("; ").some(function (c) { return c.indexOf("taimei_tz=") === 0; })) return;
  var script = document.currentScript;
  var allowed = script && script.getAttribute("data-zones");
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  var known = allowed && allowed.split(" ").indexOf(zone) >= 0;
  document.cookie = "taimei_tz=" + (known ? zone : "Asia/Taipei") + "; path=/; max-age=31536000; samesite=lax";
  if (known && zone !== "Asia/Taipei") window.location.reload();
})();
