/* Qingshan (青山): small page behaviours. No framework, and safe under our Content Security
 * Policy: no eval, no inline handlers, no inline styles. Load it with `defer` after htmx and
 * ECharts.
 *
 *   data-confirm="text"        on a link, button or form: ask confirm(text) first
 *   <form data-once>           disable its submit buttons after the first submit
 *   <div class="chart" data-chart="ID">  draw an ECharts chart whose option is the JSON in
 *                              <script type="application/json" id="ID"> (e.g. json_script)
 *   <select data-autosubmit>   submit the select's form when it changes
 *   button[data-menu-button]   the phone menu's button: replaces label[data-menu-label], checks
 *                              input#menu-toggle (which the CSS reads) and keeps aria-expanded;
 *                              Escape closes the menu
 *   <button data-print>        print the page (the print stylesheet hides the chrome)
 *   <form data-key-from-fragment>  a rating slip's link carries its key after "#k=": post it
 *                              with this form (the key never reaches a server log), then
 *                              clear it from the address bar
 *
 *   <form data-keep="NAME" data-keep-base="STAMP">  keep what is typed in this browser
 *                              (localStorage) until the server has saved it: a phone that
 *                              loses its connection gets it back on the next visit; STAMP is
 *                              the record's last save, so a newer save discards the copy
 *
 * Confirm, once and autosubmit are delegated from the document, so they also work on content
 * that htmx swaps in later; charts are drawn on load and again after every htmx swap.
 */
(function () {
  "use strict";

  var SUBMIT_BUTTONS = 'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]';

  /* --- (a) data-confirm ------------------------------------------------------------- */

  function cancel(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  // Capture phase, so that a refusal stops the event before htmx or the form sees it.
  function onConfirmClick(event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    var el = target.closest("[data-confirm]");
    if (!el || el.tagName === "FORM") {
      return;
    }
    if (!window.confirm(el.getAttribute("data-confirm"))) {
      cancel(event);
    }
  }

  function onConfirmSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) {
      return;
    }
    if (!window.confirm(form.getAttribute("data-confirm"))) {
      cancel(event);
    }
  }

  /* --- (b) form[data-once] ---------------------------------------------------------- */

  function setButtonsDisabled(form, disabled) {
    var buttons = form.querySelectorAll(SUBMIT_BUTTONS);
    if (form.id) {
      // Buttons outside the form that point at it with form="id".
      var outside = document.querySelectorAll('[form="' + CSS.escape(form.id) + '"]');
      buttons = Array.prototype.slice.call(buttons).concat(Array.prototype.slice.call(outside));
    }
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.matches(SUBMIT_BUTTONS)) {
        button.disabled = disabled;
      }
    });
  }

  function onOnceSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-once") || event.defaultPrevented) {
      return;
    }
    if (form.hasAttribute("data-submitted")) {
      cancel(event);
      return;
    }
    form.setAttribute("data-submitted", "");
    // Disable after this turn: a button disabled now would drop its own name=value from the
    // submitted data.
    window.setTimeout(function () {
      setButtonsDisabled(form, true);
    }, 0);
  }

  function releaseForm(form) {
    form.removeAttribute("data-submitted");
    setButtonsDisabled(form, false);
  }

  function releaseAllForms() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-once][data-submitted]"), releaseForm);
  }

  /* --- (c, d) charts ---------------------------------------------------------------- */

  var charts = [];

  function forgetDetachedCharts() {
    charts = charts.filter(function (chart) {
      if (chart.isDisposed()) {
        return false;
      }
      if (!chart.getDom().isConnected) {
        chart.dispose();
        return false;
      }
      return true;
    });
  }

  function initCharts(root) {
    if (typeof window.echarts === "undefined") {
      return;
    }
    forgetDetachedCharts();
    var scope = root && root.querySelectorAll && (root === document || root.isConnected) ? root : document;
    var elements = Array.prototype.slice.call(scope.querySelectorAll(".chart[data-chart]"));
    if (scope instanceof Element && scope.matches(".chart[data-chart]")) {
      elements.unshift(scope);
    }
    elements.forEach(function (el) {
      if (window.echarts.getInstanceByDom(el)) {
        return;
      }
      var source = document.getElementById(el.getAttribute("data-chart"));
      if (!source) {
        return;
      }
      var option;
      try {
        option = JSON.parse(source.textContent);
      } catch (error) {
        if (window.console) {
          window.console.error("qingshan: chart data is not valid JSON", el.getAttribute("data-chart"), error);
        }
        return;
      }
      var chart = window.echarts.init(el);
      chart.setOption(option);
      charts.push(chart);
    });
  }

  var resizeTimer = null;

  function resizeCharts() {
    forgetDetachedCharts();
    charts.forEach(function (chart) {
      chart.resize();
    });
  }

  function onResize() {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(resizeCharts, 100);
  }

  /* --- (e) data-autosubmit ---------------------------------------------------------- */

  function onAutosubmitChange(event) {
    var el = event.target;
    if (!(el instanceof Element) || !el.hasAttribute("data-autosubmit") || !el.form) {
      return;
    }
    if (typeof el.form.requestSubmit === "function") {
      el.form.requestSubmit(); // fires "submit", so data-confirm, data-once and htmx apply
    } else {
      el.form.submit();
    }
  }

  /* --- (g) data-print --------------------------------------------------------------- */

  function onPrintClick(event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest("[data-print]")) {
      return;
    }
    event.preventDefault();
    window.print();
  }

  /* --- (f) a slip's key from the address's fragment --------------------------------- */

  function postKeyFromFragment() {
    var form = document.querySelector("form[data-key-from-fragment]");
    var match = /(?:^#|&)k=([A-Za-z0-9_-]{8,64})/.exec(window.location.hash);
    if (!form || !match) {
      return;
    }
    history.replaceState(null, "", window.location.pathname + window.location.search);
    form.elements.key.value = match[1];
    form.submit();
  }

  /* --- The phone menu --------------------------------------------------------------- */

  function initMenu() {
    var box = document.getElementById("menu-toggle");
    var button = document.querySelector("[data-menu-button]");
    if (!box || !button) {
      return;
    }
    var label = document.querySelector("[data-menu-label]");
    if (label) {
      label.hidden = true;
    }
    // The box stays the state the CSS reads; the button is what people and readers meet.
    box.tabIndex = -1;
    box.setAttribute("aria-hidden", "true");
    button.hidden = false;
    function show(open) {
      box.checked = open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    show(box.checked);
    button.addEventListener("click", function () {
      show(!box.checked);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && box.checked) {
        show(false);
        button.focus();
      }
    });
  }

  /* --- Wiring ----------------------------------------------------------------------- */

  /* --- (h) form[data-keep] ---------------------------------------------------------- */

  var KEEP_PREFIX = "qs-keep:";

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "hidden" &&
        el.type !== "submit" && el.type !== "button" && el.type !== "file";
    });
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;  // private modes may refuse it: the form still works, it only keeps nothing
    }
  }

  function onKeepInput(event) {
    var form = event.target && event.target.form;
    var store = storage();
    if (!form || !form.hasAttribute("data-keep") || !store) {
      return;
    }
    var values = {};
    keptFields(form).forEach(function (el) {
      values[el.name] = el.type === "checkbox" || el.type === "radio" ? el.checked : el.value;
    });
    var entry = { base: form.getAttribute("data-keep-base"), values: values };
    store.setItem(KEEP_PREFIX + form.getAttribute("data-keep"), JSON.stringify(entry));
  }

  function restoreKept() {
    var store = storage();
    if (!store) {
      return;
    }
    document.querySelectorAll("form[data-keep]").forEach(function (form) {
      var key = KEEP_PREFIX + form.getAttribute("data-keep");
      var entry = null;
      try {
        entry = JSON.parse(store.getItem(key) || "null");
      } catch (error) {
        entry = null;
      }
      if (!entry || entry.base !== form.getAttribute("data-keep-base")) {
        store.removeItem(key);  // saved on the server since: the copy is older
        return;
      }
      var changed = false;
      keptFields(form).forEach(function (el) {
        if (!(el.name in entry.values)) {
          return;
        }
        var value = entry.values[el.name];
        if (el.type === "checkbox" || el.type === "radio") {
          changed = changed || el.checked !== value;
          el.checked = value;
        } else if (el.value !== value) {
          changed = true;
          el.value = value;
        }
      });
      var note = document.querySelector("[data-keep-note]");
      if (changed && note) {
        note.hidden = false;
      }
    });
  }

  function start() {
    document.addEventListener("click", onConfirmClick, true);
    // Both in the capture phase and in this order: a refused confirm stops the event before
    // the once-lock sees it, and htmx (which cancels the native submit on the form itself)
    // runs only after both.
    document.addEventListener("submit", onConfirmSubmit, true);
    document.addEventListener("submit", onOnceSubmit, true);
    document.addEventListener("change", onAutosubmitChange, false);
    document.addEventListener("click", onPrintClick, false);
    window.addEventListener("resize", onResize);
    window.addEventListener("beforeprint", resizeCharts);
    window.addEventListener("afterprint", resizeCharts);
    // A page restored from the back/forward cache must not keep its forms locked.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        releaseAllForms();
      }
    });

    document.addEventListener("input", onKeepInput, false);
    document.addEventListener("change", onKeepInput, false);
    restoreKept();
    initMenu();
    initCharts(document);
    postKeyFromFragment();

    // Charts already drawn are skipped, so scanning the whole document is cheap and also
    // covers outerHTML swaps, whose old target is no longer in the page.
    document.body.addEventListener("htmx:afterSettle", function () {
      initCharts(document);
    });
    // An htmx form that stays on the page after its request may be submitted again.
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var elt = event.detail && event.detail.elt;
      var form = elt instanceof HTMLFormElement ? elt : elt && elt.closest ? elt.closest("form") : null;
      if (form && form.isConnected && form.hasAttribute("data-once")) {
        releaseForm(form);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
