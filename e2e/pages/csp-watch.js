// Records every CSP violation on this page, so the test can assert there were none.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({
    directive: e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
  });
});
