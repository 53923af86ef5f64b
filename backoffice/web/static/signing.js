/* Signing an application in the browser (the order's signing page, templates/signing/sign.html).
 *
 * A progressive enhancement: the page works without this file (upload a .p7s made with any
 * tool). When PKI.js (static/vendor/pkijs.js, bundled from npm by `make assets`) and WebCrypto
 * are both here, the "sign in the browser" form is shown. On submit it:
 *   1. reads the PKCS#12 key file and opens it with the passphrase (PKI.js: PFX, PBES2 or the
 *      PKCS#12 KDF, MAC checked), imports the private key into WebCrypto as non-extractable;
 *   2. fetches the application document from the download address (same origin);
 *   3. builds a detached CMS SignedData (CAdES-BES): SHA-256 (SHA-384 for a P-384 key), the
 *      signer's certificate and its chain included, signed attributes contentType,
 *      signingTime, messageDigest and signing-certificate-v2; RSA PKCS#1 v1.5 or ECDSA;
 *   4. puts the DER, base64, in the form's hidden "signature" field and submits the form.
 * The key file and passphrase inputs have no name: a browser never sends them. Only the
 * signature reaches the server, which verifies it (core.signing) and answers with a page.
 */
(function () {
  "use strict";

  var form = document.getElementById("browser-sign-form");
  var section = document.getElementById("browser-signing");
  var bundle = window.PKIBundle;
  if (!form || !section || !bundle || !window.crypto || !window.crypto.subtle ||
      !window.fetch || !window.TextEncoder || !window.Blob || !Blob.prototype.arrayBuffer) {
    return; // the upload form stays the way to sign
  }
  var pkijs = bundle.pkijs;
  var asn1js = bundle.asn1js;
  var subtle = window.crypto.subtle;

  var OID = {
    data: "1.2.840.113549.1.7.1",
    contentType: "1.2.840.113549.1.9.3",
    messageDigest: "1.2.840.113549.1.9.4",
    signingTime: "1.2.840.113549.1.9.5",
    signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
    localKeyId: "1.2.840.113549.1.9.21",
    keyBag: "1.2.840.113549.1.12.10.1.1",
    shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
    certBag: "1.2.840.113549.1.12.10.1.3",
    rsa: "1.2.840.113549.1.1.1",
    ec: "1.2.840.10045.2.1",
    basicConstraints: "2.5.29.19"
  };
  var CURVES = {
    "1.2.840.10045.3.1.7": { curve: "P-256", hash: "SHA-256" },
    "1.3.132.0.34": { curve: "P-384", hash: "SHA-384" },
    "1.3.132.0.35": { curve: "P-521", hash: "SHA-512" }
  };

  var keyInput = document.getElementById("f-key_file");
  var passInput = document.getElementById("f-passphrase");
  var status = document.getElementById("browser-sign-status");
  var button = form.querySelector("button[type=submit]");
  var messages = form.dataset;

  /* A problem the person can fix, shown beside ``field`` ("key_file" or "passphrase"). */
  function Problem(field, message) {
    this.field = field;
    this.message = message;
  }

  function clearProblems() {
    ["key_file", "passphrase"].forEach(function (name) {
      var input = document.getElementById("f-" + name);
      var error = document.getElementById("f-" + name + "-error");
      var wrapper = input.closest(".field");
      if (error) {
        error.parentNode.removeChild(error);
      }
      wrapper.classList.remove("has-error");
      input.removeAttribute("aria-invalid");
      var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== "f-" + name + "-error";
      });
      if (ids.length) {
        input.setAttribute("aria-describedby", ids.join(" "));
      } else {
        input.removeAttribute("aria-describedby");
      }
    });
  }

  /* The same markup as the server's field errors (macros/forms.html). */
  function showProblem(problem) {
    var input = document.getElementById("f-" + problem.field);
    var error = document.createElement("p");
    var hidden = document.createElement("span");
    error.className = "field-error";
    error.id = "f-" + problem.field + "-error";
    hidden.className = "visually-hidden";
    hidden.textContent = messages.msgErrorPrefix + " ";
    error.appendChild(hidden);
    error.appendChild(document.createTextNode(problem.message));
    input.parentNode.insertBefore(error, input);
    input.closest(".field").classList.add("has-error");
    input.setAttribute("aria-invalid", "true");
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids.push(error.id);
    input.setAttribute("aria-describedby", ids.join(" "));
    status.textContent = problem.message;
    input.focus();
  }

  function oidOf(value) {
    return value && value.valueBlock ? value.valueBlock.toString() : "";
  }

  function localKeyId(bag) {
    var found = (bag.bagAttributes || []).filter(function (attribute) {
      return attribute.type === OID.localKeyId && attribute.values.length;
    })[0];
    return found ? toHex(found.values[0].valueBlock.valueHexView) : null;
  }

  function toHex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (byte) {
      return ("0" + byte.toString(16)).slice(-2);
    }).join("");
  }

  function isCa(certificate) {
    return (certificate.extensions || []).some(function (extension) {
      return extension.extnID === OID.basicConstraints && extension.parsedValue &&
        extension.parsedValue.cA;
    });
  }

  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return window.btoa(text);
  }

  /* The private key (a non-extractable CryptoKey), its certificate and the others in the file. */
  async function openKeyFile(data, passphrase) {
    var password = new TextEncoder().encode(passphrase).buffer;
    var pfx;
    try {
      pfx = pkijs.PFX.fromBER(data);
    } catch (error) {
      throw new Problem("key_file", messages.msgNotPkcs12);
    }
    try {
      await pfx.parseInternalValues({ password: password, checkIntegrity: Boolean(pfx.macData) });
    } catch (error) {
      throw new Problem(pfx.macData ? "passphrase" : "key_file",
        pfx.macData ? messages.msgWrongPassphrase : messages.msgNotPkcs12);
    }
    var safe = pfx.parsedValue && pfx.parsedValue.authenticatedSafe;
    if (!safe) {
      throw new Problem("key_file", messages.msgNotPkcs12);
    }
    // Past a MAC that matched, the passphrase is right: what cannot be decrypted then is an
    // encryption PKI.js does not read (the legacy PKCS#12 ones: 3DES, RC2), not a typo.
    var cannotDecrypt = pfx.macData ? new Problem("key_file", messages.msgOldEncryption)
      : new Problem("passphrase", messages.msgWrongPassphrase);
    try {
      await safe.parseInternalValues({
        safeContents: safe.safeContents.map(function () { return { password: password }; })
      });
    } catch (error) {
      throw cannotDecrypt;
    }
    var keyInfo = null;
    var keyId = null;
    var certificates = [];
    for (var content of safe.parsedValue.safeContents) {
      for (var bag of content.value.safeBags) {
        if (bag.bagId === OID.shroudedKeyBag && !keyInfo) {
          try {
            await bag.bagValue.parseInternalValues({ password: password });
          } catch (error) {
            throw cannotDecrypt;
          }
          keyInfo = bag.bagValue.parsedValue;
          keyId = localKeyId(bag);
        } else if (bag.bagId === OID.keyBag && !keyInfo) {
          keyInfo = bag.bagValue;
          keyId = localKeyId(bag);
        } else if (bag.bagId === OID.certBag && bag.bagValue.parsedValue instanceof pkijs.Certificate) {
          certificates.push({ certificate: bag.bagValue.parsedValue, keyId: localKeyId(bag) });
        }
      }
    }
    if (!keyInfo || !certificates.length) {
      throw new Problem("key_file", messages.msgNoCertificate);
    }
    // The key's certificate: the one with the key's localKeyId, else the first that is not a CA.
    var mine = certificates.filter(function (c) { return keyId && c.keyId === keyId; })[0] ||
      certificates.filter(function (c) { return !isCa(c.certificate); })[0] || certificates[0];
    var algorithm = keyInfo.privateKeyAlgorithm;
    var importAs;
    var hash;
    if (algorithm.algorithmId === OID.rsa) {
      hash = "SHA-256";
      importAs = { name: "RSASSA-PKCS1-v1_5", hash: hash };
    } else if (algorithm.algorithmId === OID.ec && CURVES[oidOf(algorithm.algorithmParams)]) {
      var curve = CURVES[oidOf(algorithm.algorithmParams)];
      hash = curve.hash;
      importAs = { name: "ECDSA", namedCurve: curve.curve };
    } else {
      throw new Problem("key_file", messages.msgUnsupportedKey);
    }
    var privateKey;
    try {
      privateKey = await subtle.importKey(
        "pkcs8", keyInfo.toSchema().toBER(false), importAs, false, ["sign"]);
    } catch (error) {
      throw new Problem("key_file", messages.msgUnsupportedKey);
    }
    return {
      privateKey: privateKey,
      hash: hash,
      certificate: mine.certificate,
      others: certificates.filter(function (c) { return c !== mine; }).map(function (c) {
        return c.certificate;
      })
    };
  }

  /* SigningCertificateV2 (RFC 5035) naming the signer's certificate by its SHA-256 and its
     issuer and serial number; hashAlgorithm is left out, SHA-256 being its default. */
  function signingCertificateV2(certificateHash, certificate) {
    var directoryName = new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 4 },
      value: [certificate.issuer.toSchema()]
    });
    var issuerSerial = new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [directoryName] }), certificate.serialNumber]
    });
    var essCertIdV2 = new asn1js.Sequence({
      value: [new asn1js.OctetString({ valueHex: certificateHash }), issuerSerial]
    });
    return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  }

  function compareBytes(a, b) {
    var x = new Uint8Array(a);
    var y = new Uint8Array(b);
    for (var i = 0; i < Math.min(x.length, y.length); i += 1) {
      if (x[i] !== y[i]) {
        return x[i] - y[i];
      }
    }
    return x.length - y.length;
  }

  /* A detached CMS SignedData (DER) over ``documentBytes``. */
  async function signDetached(documentBytes, key) {
    var certificateDer = key.certificate.toSchema().toBER(false);
    var digest = await subtle.digest(key.hash, documentBytes);
    var certificateHash = await subtle.digest("SHA-256", certificateDer);
    var attributes = [
      new pkijs.Attribute({
        type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })]
      }),
      new pkijs.Attribute({
        type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date() })]
      }),
      new pkijs.Attribute({
        type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })]
      }),
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(certificateHash, key.certificate)]
      })
    ];
    // DER: the attributes of a SET OF in the order of their encodings.
    attributes.sort(function (a, b) {
      return compareBytes(a.toSchema().toBER(false), b.toSchema().toBER(false));
    });
    var signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: key.certificate.issuer,
            serialNumber: key.certificate.serialNumber
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attributes })
        })
      ],
      certificates: [key.certificate].concat(key.others)
    });
    await signedData.sign(key.privateKey, 0, key.hash);
    var contentInfo = new pkijs.ContentInfo({
      contentType: pkijs.ContentInfo.SIGNED_DATA,
      content: signedData.toSchema(true)
    });
    return contentInfo.toSchema().toBER(false);
  }

  async function applicationDocument() {
    var response;
    try {
      response = await fetch(messages.documentUrl, {
        credentials: "same-origin", cache: "no-store"
      });
    } catch (error) {
      throw new Problem("key_file", messages.msgDocument);
    }
    if (!response.ok) {
      throw new Problem("key_file", messages.msgDocument);
    }
    return response.arrayBuffer();
  }

  async function sign() {
    var file = keyInput.files && keyInput.files[0];
    if (!file) {
      throw new Problem("key_file", messages.msgNoKey);
    }
    if (!passInput.value) {
      throw new Problem("passphrase", messages.msgNoPassphrase);
    }
    status.textContent = messages.msgWorking;
    var key = await openKeyFile(await file.arrayBuffer(), passInput.value);
    var documentBytes = await applicationDocument();
    return signDetached(documentBytes, key);
  }

  var busy = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    button.disabled = true;
    clearProblems();
    sign().then(function (signature) {
      form.elements.signature.value = toBase64(signature);
      passInput.value = "";
      status.textContent = messages.msgSending;
      HTMLFormElement.prototype.submit.call(form); // no submit event: posts the form as it is
    }).catch(function (error) {
      busy = false;
      button.disabled = false;
      showProblem(error instanceof Problem ? error : new Problem("key_file", messages.msgFailed));
      if (!(error instanceof Problem) && window.console) {
        window.console.error(error);
      }
    });
  });

  section.hidden = false;
})();
