// SPDX-License-Identifier: Apache-2.0
// Long pick lists (fieldset[data-filter]): a search box that hides the choices not matching what
// is typed. An enhancement only: without JavaScript every choice is listed and can be ticked.
(function () {
  "use strict";
  function setUp(fieldset) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "pick-filter";
    box.placeholder = "输入名称或编码筛选";
    box.setAttribute("aria-label", "筛选" + (fieldset.querySelector("legend") || { textContent: "" }).textContent);
    var legend = fieldset.querySelector("legend");
    fieldset.insertBefore(box, legend ? legend.nextSibling : fieldset.firstChild);
    box.addEventListener("input", function () {
      var words = box.value.trim().toLowerCase();
      fieldset.querySelectorAll("label.check").forEach(function (label) {
        var ticked = label.querySelector("input:checked") !== null;
        label.hidden = words !== "" && !ticked && label.textContent.toLowerCase().indexOf(words) < 0;
      });
      fieldset.querySelectorAll(".group").forEach(function (group) {
        group.hidden = group.querySelector("label.check:not([hidden])") === null;
      });
    });
  }
  document.querySelectorAll("fieldset[data-filter]").forEach(setUp);
})();
