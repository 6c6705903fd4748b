"""What the auditor checks on a page beside axe: its scripts, and its closed disclosures.

Both close ways a page could pass without being what citizens get: a script that is not the
theme's could change the page or the audit, and content inside a closed <details> is not
rendered, so axe never looks at it.
"""

# Our rule: every script on an audited page is the theme's own (served from its js folder) or
# JSON-LD data. Content can carry no script (the sanitizer), so any other is a hole, and on a
# Selenium Grid node, where axe runs in the page's own world, the only guard.
SCRIPT_RULE = "warta-foreign-script"
SCRIPT_HELP_URL = "https://www.w3.org/TR/CSP3/"
THEME_SCRIPTS = "/theme/js/"
FOREIGN_SCRIPTS = """
const theme = location.origin + arguments[0];
return [...document.scripts].filter((s) => s.type !== 'application/ld+json'
  && !(s.src && s.src.startsWith(theme))).map((s) => s.src || s.outerHTML.slice(0, 80));
"""

# Closed <details> whose content is not drawn (a native disclosure; the theme's menu drawn open
# on wide screens by ::details-content is left alone): opened, so axe audits what a citizen sees
# after one press. Returns how many it opened. Other hiding (hidden, display: none, aria-hidden)
# is axe's own concern: it reports what stays hidden from everyone as it should.
OPEN_DISCLOSURES = """(() => {
  let opened = 0;
  for (const d of document.querySelectorAll('details:not([open])')) {
    const inside = [...d.children].filter((c) => c.localName !== 'summary');
    if (!inside.some((c) => c.checkVisibility())) { d.open = true; opened += 1; }
  }
  return opened;
})()"""


def warta_violation(rule, message, node, help_url):
    """One of our own rules' violations, in axe's shape so every report treats it alike."""
    return {
        "id": rule,
        "impact": "critical",
        "tags": ["warta"],
        "description": message,
        "help": message,
        "helpUrl": help_url,
        "nodes": [dict(node, failureSummary=message)],
    }


def script_violation(found):
    message = ("Halaman memuat skrip yang bukan milik tema: " + ", ".join(found[:3])
               + "; skrip di luar tema dapat mengubah halaman dan hasil audit")
    return warta_violation(SCRIPT_RULE, message, {"html": found[0][:200], "target": ["script"]},
                           SCRIPT_HELP_URL)


def merge_violations(first, second):
    """axe's violations of two runs on one page, each node once."""
    merged = [dict(v, nodes=list(v["nodes"])) for v in first]
    by_rule = {v["id"]: v for v in merged}
    for violation in second:
        known = by_rule.get(violation["id"])
        if known is None:
            merged.append(violation)
            by_rule[violation["id"]] = violation
            continue
        seen = {repr(node.get("target")) for node in known["nodes"]}
        known["nodes"] += [n for n in violation["nodes"] if repr(n.get("target")) not in seen]
    return merged
