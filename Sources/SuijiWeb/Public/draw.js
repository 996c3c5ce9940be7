// Suiji: the draw ceremony page computes a department's commitment in the browser (the secret
// never leaves it): SHA-256("suiji-draw/1 commit" ‖ 0x00 ‖ LP(department) ‖ LP(draw id) ‖ LP(secret)).
(function () {
  var form = document.getElementById("commit-form");
  var generate = document.getElementById("generate");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  function lp(bytes) {
    var out = new Uint8Array(4 + bytes.length);
    new DataView(out.buffer).setUint32(0, bytes.length, false);
    out.set(bytes, 4);
    return out;
  }
  function concat(parts) {
    var length = parts.reduce(function (n, p) { return n + p.length; }, 0);
    var out = new Uint8Array(length), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function commitment(department, drawID, secret) {
    var text = new TextEncoder();
    var message = concat([text.encode("suiji-draw/1 commit"), new Uint8Array([0]), lp(text.encode(department)), lp(text.encode(drawID)), lp(secret)]);
    return window.crypto.subtle.digest("SHA-256", message).then(function (digest) { return hex(new Uint8Array(digest)); });
  }
  generate.hidden = false;
  generate.addEventListener("click", function () {
    var secret = window.crypto.getRandomValues(new Uint8Array(32));
    commitment(form.dataset.department, form.dataset.draw, secret).then(function (value) {
      // Offered as a small file, handed back by upload at the reveal.
      var file = "Suiji 抽取秘密（请妥善保存；交来秘密时上传本文件）\ndraw-id: " + form.dataset.draw + "\ndepartment: " +
        form.dataset.department + "\nsecret: " + hex(secret) + "\ncommitment: " + value + "\n";
      var link = document.getElementById("secret-download");
      link.href = "data:text/plain;charset=utf-8," + encodeURIComponent(file);
      document.getElementById("secret-out").textContent = hex(secret);
      document.getElementById("secret-box").hidden = false;
      document.getElementById("commitment").value = value;
      link.click();
    });
  });
})();
