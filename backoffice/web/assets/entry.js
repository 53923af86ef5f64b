// What static/vendor/pkijs.js exposes to static/signing.js: window.PKIBundle.pkijs and .asn1js
// (one copy of asn1js, the one PKI.js checks its arguments against).
export * as pkijs from "pkijs";
export * as asn1js from "asn1js";
