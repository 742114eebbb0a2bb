/// The CSS and JavaScript every HTML docs page carries inline (no network: no CDN, no web fonts).
enum HTMLAssets {
    /// Blocks every fetch a page could make; inline style and script only.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

    /// Light and dark (from the system setting) styles; nothing scrolls sideways at 375 px but code blocks.
    static let css = """
    :root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--accent:#0a58ca;\
    --k:#a626a4;--s:#0a7a32;--c:#6a737d;--n:#b35900;--get:#0a7a32;--post:#0a58ca;--put:#8250df;--patch:#b35900;--delete:#c62828}
    @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--panel:#161b22;--accent:#58a6ff;\
    --k:#d2a8ff;--s:#7ee787;--c:#8b949e;--n:#ffa657;--get:#7ee787;--post:#79c0ff;--put:#d2a8ff;--patch:#ffa657;--delete:#ff7b72}}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
    header.site{border-bottom:1px solid var(--line);padding:.6rem 1rem}
    header.site a{color:var(--accent);text-decoration:none;font-weight:600}
    main{max-width:62rem;margin:0 auto;padding:1rem}
    h1{font-size:1.6rem;margin:.4rem 0}
    h2{font-size:1.25rem;margin:1.8rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
    h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
    a{color:var(--accent)}
    code{font:0.9em/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);border-radius:4px;padding:.05em .3em}
    pre{margin:0;padding:.8rem;overflow-x:auto;background:var(--panel);border:1px solid var(--line);border-radius:6px;max-width:100%}
    pre code{background:none;padding:0;white-space:pre;overflow-wrap:normal;display:block}
    .endpoint{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
    .method{font-weight:700;border-radius:4px;padding:.1em .5em;border:1px solid currentColor;font-size:.85rem}
    .m-get{color:var(--get)}.m-post{color:var(--post)}.m-put{color:var(--put)}.m-patch{color:var(--patch)}.m-delete{color:var(--delete)}
    .meta,.muted{color:var(--muted);font-size:.9rem}
    ul.schema{list-style:none;padding-left:0;margin:.4rem 0}
    ul.schema ul.schema{padding-left:1rem;border-left:2px solid var(--line)}
    ul.schema>li{padding:.45rem 0;border-top:1px solid var(--line)}
    .type{color:var(--muted);font-family:ui-monospace,monospace;font-size:.85rem}
    .required{color:var(--delete);font-size:.8rem;font-weight:600}
    .constraints{color:var(--muted);font-size:.85rem}
    .description p{margin:.3rem 0}
    a.name{text-decoration:none}
    details>summary{cursor:pointer;color:var(--accent);font-size:.9rem;margin:.3rem 0}
    .status{font-weight:700;font-family:ui-monospace,monospace}
    .tabs{margin:.6rem 0}
    .tabs [role=tablist]{display:none}
    .js .tabs [role=tablist]{display:flex;flex-wrap:wrap;gap:.25rem;margin-bottom:.5rem}
    [role=tab]{font:inherit;font-size:.85rem;padding:.25rem .6rem;border:1px solid var(--line);border-radius:999px;background:var(--bg);color:var(--fg);cursor:pointer}
    [role=tab][aria-selected=true]{background:var(--accent);border-color:var(--accent);color:var(--bg)}
    [role=tab]:focus-visible,.copy:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
    [role=tabpanel]{margin-bottom:1rem}
    [role=tabpanel][hidden]{display:none}
    .panel-head{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:.3rem 0}
    .panel-title{font-weight:600;font-size:.9rem}
    .js .panel-title{visibility:hidden}
    .copy{display:none;font:inherit;font-size:.8rem;padding:.15rem .6rem;border:1px solid var(--line);border-radius:4px;background:var(--panel);color:var(--fg);cursor:pointer}
    .js .copy{display:inline-block}
    .note{border-left:3px solid var(--n);padding:.2rem .6rem;color:var(--muted);font-size:.9rem}
    .k{color:var(--k)}.s{color:var(--s)}.c{color:var(--c);font-style:italic}.n{color:var(--n)}
    #search{display:none;width:100%;font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
    .js #search{display:block}
    ul.operations{list-style:none;padding:0}
    ul.operations li{padding:.4rem 0;border-top:1px solid var(--line)}
    """

    /// Tabs (shared choice, remembered, `?lang=`), arrow keys, copy buttons, the index search.
    static let script = """
    (function () {
      'use strict';
      var KEY = 'specgen.lang';
      function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
      function tabsOf(group) { return all(group, '[role=tab]'); }
      function find(group, wanted) {
        var tabs = tabsOf(group), i;
        for (i = 0; i < tabs.length; i++) { if (tabs[i].getAttribute('data-client') === wanted) { return tabs[i]; } }
        for (i = 0; i < tabs.length; i++) { if (tabs[i].getAttribute('data-language') === wanted) { return tabs[i]; } }
        return null;
      }
      function show(group, tab, focus) {
        tabsOf(group).forEach(function (each) {
          var on = each === tab;
          each.setAttribute('aria-selected', on ? 'true' : 'false');
          each.tabIndex = on ? 0 : -1;
          document.getElementById(each.getAttribute('aria-controls')).hidden = !on;
        });
        if (focus) { tab.focus(); }
      }
      function choose(wanted, remember, focusGroup) {
        var found = false;
        all(document, '[data-tabs]').forEach(function (group) {
          var tab = find(group, wanted);
          if (tab) { found = true; show(group, tab, group === focusGroup); }
        });
        if (found && remember) { try { localStorage.setItem(KEY, wanted); } catch (e) { /* storage off */ } }
      }
      all(document, '[data-tabs]').forEach(function (group) {
        var tabs = tabsOf(group);
        if (tabs.length) { show(group, tabs[0], false); }
        tabs.forEach(function (tab, index) {
          tab.addEventListener('click', function () { choose(tab.getAttribute('data-client'), true, group); });
          tab.addEventListener('keydown', function (event) {
            var next = null;
            if (event.key === 'ArrowRight' || event.key === 'ArrowDown') { next = tabs[(index + 1) % tabs.length]; }
            if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') { next = tabs[(index + tabs.length - 1) % tabs.length]; }
            if (event.key === 'Home') { next = tabs[0]; }
            if (event.key === 'End') { next = tabs[tabs.length - 1]; }
            if (next) { event.preventDefault(); choose(next.getAttribute('data-client'), true, group); }
          });
        });
      });
      var stored = null;
      try { stored = localStorage.getItem(KEY); } catch (e) { stored = null; }
      if (stored) { choose(stored, false, null); }
      var asked = new URLSearchParams(location.search).get('lang');
      if (asked) { choose(asked, true, null); }
      function fallbackCopy(text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var done = false;
        try { done = document.execCommand('copy'); } catch (e) { done = false; }
        document.body.removeChild(area);
        return done;
      }
      all(document, 'button.copy').forEach(function (button) {
        button.addEventListener('click', function () {
          var code = document.getElementById(button.getAttribute('data-copies'));
          var text = code.textContent;
          function report(ok) {
            button.textContent = ok ? 'Copied' : 'Copy failed';
            button.setAttribute('data-copied', ok ? 'true' : 'false');
            setTimeout(function () { button.textContent = 'Copy'; }, 1500);
          }
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () { report(true); }, function () { report(fallbackCopy(text)); });
          } else {
            report(fallbackCopy(text));
          }
        });
      });
      var search = document.getElementById('search');
      if (search) {
        search.addEventListener('input', function () {
          var query = search.value.toLowerCase();
          all(document, 'ul.operations li').forEach(function (item) {
            item.hidden = query !== '' && item.getAttribute('data-search').indexOf(query) < 0;
          });
          all(document, 'section.tag').forEach(function (section) {
            section.hidden = all(section, 'ul.operations li:not([hidden])').length === 0;
          });
        });
      }
    }());
    """

    /// The page around a body: charset, viewport, CSP, inline style, the `js` class set before first paint.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="generator" content="SpecGen">
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        <script>document.documentElement.className = 'js';</script>
        </head>
        <body>
        \(body)
        <script>
        \(script)
        </script>
        </body>
        </html>

        """
    }
}
