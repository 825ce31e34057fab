import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module2) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module2.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module2) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args2) => console.error("SEMVER", ...args2) : () => {
    };
    module2.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module2) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module2.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name2, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name2, index, value);
      t[name2] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module2) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module2.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module2) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module2.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module2) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i2 = 0;
        do {
          const a = this.prerelease[i2];
          const b = other.prerelease[i2];
          debug("prerelease compare", i2, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i2);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i2 = 0;
        do {
          const a = this.build[i2];
          const b = other.build[i2];
          debug("build compare", i2, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i2);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i2 = this.prerelease.length;
              while (--i2 >= 0) {
                if (typeof this.prerelease[i2] === "number") {
                  this.prerelease[i2]++;
                  i2 = -2;
                }
              }
              if (i2 === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (compareIdentifiers(this.prerelease[0], identifier) === 0) {
                if (isNaN(this.prerelease[1])) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module2.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module2.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module2) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module2.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module2) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module2.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module2.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module2) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module2.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module2.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module2.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module2.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module2) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module2.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module2.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module2.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module2.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module2.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module2.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module2.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module2.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module2.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module2.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module2.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module2.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module2) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module2.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module2) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module2.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module2.exports = coerce;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module2) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module2.exports = LRUCache;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module2) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i2 = 0; i2 < this.set.length; i2++) {
            if (i2 > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i2];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = range.replace(re[t.COMPARATORTRIM], comparatorTrimReplace);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i2 = 0; i2 < this.set.length; i2++) {
          if (testSet(this.set[i2], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module2.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var {
      safeRe: re,
      t,
      comparatorTrimReplace,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0 <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0 <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}${z} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}${z} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i2 = 0; i2 < set.length; i2++) {
        if (!set[i2].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i2 = 0; i2 < set.length; i2++) {
          debug(set[i2].semver);
          if (set[i2].semver === Comparator.ANY) {
            continue;
          }
          if (set[i2].semver.prerelease.length > 0) {
            const allowed = set[i2].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module2) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module2.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module2) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module2.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module2) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module2.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module2.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min2 = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min2 || minSV.compare(v) === 1) {
            min2 = v;
            minSV = new SemVer(min2, options);
          }
        }
      });
      return min2;
    };
    module2.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i2 = 0; i2 < range.set.length; ++i2) {
        const comparators = range.set[i2];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module2.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module2) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module2.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module2) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i2 = 0; i2 < range.set.length; ++i2) {
        const comparators = range.set[i2];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module2.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module2) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module2.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module2) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module2.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module2) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module2.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module2) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module2.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min2, max] of set) {
        if (min2 === max) {
          ranges.push(min2);
        } else if (!max && min2 === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min2}`);
        } else if (min2 === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min2} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module2) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !satisfies(gt.semver, String(c), options)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !satisfies(lt.semver, String(c), options)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module2.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module2) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module2.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/source/git.ts
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { lstat, readFile, readdir, readlink } from "node:fs/promises";

// src/limits.ts
var MAX_FILE_BYTES = 2 * 1024 * 1024;
var MAX_PARSE_MS = 2e3;
var MAX_REVISION_PARSE_MS = 2500;
var MAX_EVAL_STEPS = 1e6;
var MAX_EVAL_DEPTH = 256;
var INTEGER_BITS = 64;
var MAX_NESTING = 64;
var MAX_MACRO_OUTPUT_TOKENS = 2e5;
var MAX_REVISION_EVAL_STEPS = 2e6;
var MAX_PRAGMA_MACRO_USE_CHARS = 4096;
var MAX_INCLUDE_DEPTH = 16;
var MAX_INCLUDED_FILES = 256;
var MAX_WORKTREE_FILES = 2e4;
var MAX_WORKTREE_DEPTH = 32;
var MAX_HEADER_LOCALS = 64;
var PREFETCH_GROUPS_AHEAD = 64;
var MEMO_ENTRIES = 2e4;

// src/source/git.ts
import path from "node:path";

// src/errors.ts
import { readFileSync } from "node:fs";
var EXIT_INPUT = 2;
var InputError = class extends Error {
  exitCode = EXIT_INPUT;
  constructor(message) {
    super(message);
    this.name = "InputError";
  }
};
function readInputFile(file, label) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(
      `${label}: ${e.code === "ENOENT" ? "no such file" : e.message}`
    );
  }
}

// src/source/git.ts
var SYMLINK_MODE = "120000";
var SUBMODULE_MODE = "160000";
function git(cwd, args2, allowFail = false) {
  const r = spawnSync("git", args2, { cwd, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new InputError(`cannot run git: ${r.error.message}`);
  const ok = r.status === 0;
  if (!ok && !allowFail) {
    throw new InputError(`git ${args2[0]} failed in ${cwd}: ${firstLine(r.stderr)}`);
  }
  return { ok, out: r.stdout, err: r.stderr };
}
function firstLine(s) {
  return s.split("\n").find((l) => l.trim() !== "")?.trim() ?? "(no message)";
}
var BlobReader = class {
  /** `--batch` answers contents; `--batch-check` only the header (`<id> blob <size>`), as the body. */
  constructor(gitDir, mode = "--batch") {
    this.mode = mode;
    this.proc = spawn("git", ["--git-dir", gitDir, "cat-file", mode], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout.on("data", (chunk) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.drain();
    });
    this.proc.on("error", (e) => this.failAll(e));
    this.proc.on("exit", () => {
      this.closed = true;
      this.failAll(new Error("git cat-file exited"));
    });
    this.proc.stdin.on("error", () => void 0);
  }
  mode;
  proc;
  pending = [];
  buf = Buffer.alloc(0);
  closed = false;
  failAll(e) {
    for (const p of this.pending.splice(0)) p.reject(e);
  }
  drain() {
    while (this.pending.length) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString("utf8");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buf = this.buf.subarray(nl + 1);
        this.pending.shift().resolve(null);
        continue;
      }
      if (this.mode === "--batch-check") {
        this.buf = this.buf.subarray(nl + 1);
        this.pending.shift().resolve(Buffer.from(header));
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body2 = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.pending.shift().resolve(body2);
    }
  }
  read(blob) {
    if (this.closed) return Promise.reject(new Error("git cat-file is not running"));
    return new Promise((resolve2, reject) => {
      this.pending.push({ resolve: resolve2, reject });
      this.proc.stdin.write(`${blob}
`);
    });
  }
  close() {
    if (!this.closed) this.proc.stdin.end();
  }
};
var GitRepo = class _GitRepo {
  constructor(dir, gitDir, workTree) {
    this.dir = dir;
    this.gitDir = gitDir;
    this.workTree = workTree;
  }
  dir;
  gitDir;
  workTree;
  reader = null;
  checker = null;
  sizes = /* @__PURE__ */ new Map();
  static open(dir) {
    const abs = path.resolve(dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new InputError(`--repo ${dir}: no such directory`);
    const r = git(abs, ["rev-parse", "--absolute-git-dir", "--is-bare-repository"], true);
    if (!r.ok) {
      const why = /not a git repository/i.test(r.err) ? "not a git repository" : firstLine(r.err);
      throw new InputError(`--repo ${dir}: ${why} (point --repo at a clone of falcosecurity/libs)`);
    }
    const [gitDir, bare] = r.out.trim().split("\n");
    const workTree = bare === "true" ? null : git(abs, ["rev-parse", "--show-toplevel"]).out.trim();
    return new _GitRepo(abs, gitDir, workTree);
  }
  git(args2, allowFail = false) {
    return git(this.dir, args2, allowFail);
  }
  isShallow() {
    return this.git(["rev-parse", "--is-shallow-repository"]).out.trim() === "true";
  }
  /** Full commit id of REV, or an InputError that says how to get it. */
  resolve(rev, role = "revision") {
    if (rev.startsWith("-")) throw new InputError(`${role} '${rev}': a revision cannot start with '-'`);
    const r = this.git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], true);
    if (r.ok) return r.out.trim();
    const fetch2 = this.fetchCommand(rev);
    const hint = this.isShallow() ? `this is a shallow clone: run 'git fetch --unshallow' (or '${fetch2}')` : `run '${fetch2}' if it exists upstream`;
    throw new InputError(`unknown ${role} '${rev}' in ${this.dir}: ${hint}`);
  }
  /** How to fetch REV: `upstream/x` is branch x of the remote `upstream` when there is such a remote. */
  fetchCommand(rev) {
    const remotes = (this.git(["remote"], true).out ?? "").split("\n").filter(Boolean);
    const remote = remotes.filter((r) => rev.startsWith(`${r}/`)).sort((x, y) => y.length - x.length)[0];
    return remote ? `git fetch ${remote} ${rev.slice(remote.length + 1)}` : `git fetch origin ${rev}`;
  }
  /** Merge-base of two commits; in a shallow clone a missing base gets a fix-it message. */
  mergeBase(a, b) {
    const r = this.git(["merge-base", a, b], true);
    if (r.ok) return r.out.trim();
    if (this.isShallow()) {
      throw new InputError(
        `no merge-base of ${a.slice(0, 12)} and ${b.slice(0, 12)}: the clone is shallow; run 'git fetch --deepen=200' or 'git fetch --unshallow' (actions/checkout: fetch-depth: 0)`
      );
    }
    throw new InputError(`no merge-base of ${a.slice(0, 12)} and ${b.slice(0, 12)}: they share no history`);
  }
  /**
   * The upstream default branch: origin/HEAD if set, else the first of origin/master,
   * origin/main, upstream/master, upstream/main, master, main that exists.
   */
  defaultBranch() {
    for (const remote of ["origin", "upstream"]) {
      const r = this.git(["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`], true);
      if (r.ok) return r.out.trim().replace(/^refs\/remotes\//, "");
    }
    for (const cand of ["origin/master", "origin/main", "upstream/master", "upstream/main", "master", "main"]) {
      if (this.git(["rev-parse", "--verify", "--quiet", `${cand}^{commit}`], true).ok) return cand;
    }
    throw new InputError(
      `cannot find the default branch in ${this.dir}: pass --base REV, or run 'git fetch origin master'`
    );
  }
  /** Lists the files below `prefixes` at `commit`, with their blob ids. */
  listFiles(commit, prefixes) {
    const out2 = this.git(["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", ...prefixes]).out;
    const files = /* @__PURE__ */ new Map();
    for (const rec of out2.split("\0")) {
      const m = /^(\d+) (blob|commit) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
      if (!m) continue;
      const mode = m[1] === SYMLINK_MODE || m[1] === SUBMODULE_MODE ? m[1] : void 0;
      files.set(m[5], {
        path: m[5],
        blob: m[3],
        ...mode ? { mode } : {},
        ...m[4] !== "-" ? { size: Number(m[4]) } : {}
      });
    }
    return files;
  }
  readBlob(blob) {
    this.reader ??= new BlobReader(this.gitDir);
    return this.reader.read(blob);
  }
  /** A blob's size from `git cat-file --batch-check`, without reading it; null when absent. */
  blobSize(blob) {
    let size = this.sizes.get(blob);
    if (!size) {
      if (this.sizes.size >= MEMO_ENTRIES) this.sizes.clear();
      this.sizes.set(blob, size = this.askSize(blob));
    }
    return size;
  }
  async askSize(blob) {
    this.checker ??= new BlobReader(this.gitDir, "--batch-check");
    const header = await this.checker.read(blob);
    const size = header ? Number(header.toString("utf8").split(" ")[2]) : NaN;
    return Number.isFinite(size) ? size : null;
  }
  snapshot(rev, prefixes, role = "revision") {
    const commit = this.resolve(rev, role);
    return this.snapshotOf(rev, commit, this.listFiles(commit, prefixes));
  }
  /** A snapshot of files already listed (an audit's running tree), read through this repository. */
  snapshotOf(label, commit, files) {
    return {
      label,
      commit,
      files,
      read: async (p) => {
        const f = files.get(p);
        return f ? this.readBlob(f.blob) : null;
      },
      size: async (p) => {
        const f = files.get(p);
        return f ? f.size ?? this.blobSize(f.blob) : null;
      }
    };
  }
  /**
   * The work tree (uncommitted changes included), hashed like git so the blob cache still works.
   * Symbolic links are listed as links, never followed (in or out of the tree); files are read
   * only when the surface asks for them, and only below the size limit.
   */
  async worktreeSnapshot(prefixes) {
    if (!this.workTree) throw new InputError(`--worktree: ${this.dir} is a bare repository and has no work tree`);
    const root = this.workTree;
    const files = /* @__PURE__ */ new Map();
    const contents = /* @__PURE__ */ new Map();
    const walk3 = async (rel, depth) => {
      if (depth > MAX_WORKTREE_DEPTH || files.size >= MAX_WORKTREE_FILES) {
        throw new InputError(
          `--worktree: ${rel} is more than ${MAX_WORKTREE_DEPTH} directories deep or the tree has more than ${MAX_WORKTREE_FILES} files`
        );
      }
      const abs = path.join(root, rel);
      const st = await lstat(abs).catch(() => null);
      if (!st) return;
      if (st.isSymbolicLink())
        files.set(rel, { path: rel, blob: gitBlobId(Buffer.from(await readlink(abs))), mode: SYMLINK_MODE });
      else if (st.isDirectory()) {
        for (const name2 of (await readdir(abs)).sort()) await walk3(rel ? `${rel}/${name2}` : name2, depth + 1);
      } else if (st.isFile()) {
        const data = st.size <= MAX_FILE_BYTES ? await readFile(abs) : null;
        contents.set(rel, data);
        files.set(rel, { path: rel, blob: data ? gitBlobId(data) : `size:${st.size}:${rel}`, size: st.size });
      }
    };
    for (const p of prefixes) await walk3(p.replace(/\/$/, ""), 0);
    return {
      label: "worktree",
      commit: null,
      files,
      read: async (p) => contents.get(p) ?? null,
      size: async (p) => files.get(p)?.size ?? null
    };
  }
  run(args2, allowFail = false) {
    const r = git(this.dir, ["-c", "log.showSignature=false", ...args2], allowFail);
    return r.ok ? r.out : null;
  }
  close() {
    this.reader?.close();
    this.checker?.close();
    this.reader = this.checker = null;
  }
};
function gitBlobId(data) {
  return createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex");
}

// src/parse/build-configs.ts
var VIEWS = ["kmod", "legacy", "modern", "userspace"];
var ARCHES = ["x86_64", "aarch64", "s390x", "ppc64le", "riscv64", "loongarch64"];
var VIEW_LABEL = {
  kmod: "kernel module",
  legacy: "legacy eBPF probe",
  modern: "modern eBPF probe",
  userspace: "libscap/libpman"
};
var COMPILER_ARCH = {
  x86_64: { __x86_64__: "1", __x86_64: "1", __amd64__: "1", __amd64: "1" },
  aarch64: { __aarch64__: "1" },
  s390x: { __s390x__: "1", __s390__: "1" },
  ppc64le: { __powerpc64__: "1", __powerpc__: "1", __PPC64__: "1", __PPC__: "1", __LITTLE_ENDIAN__: "1" },
  riscv64: { __riscv: "1", __riscv_xlen: "64" },
  loongarch64: { __loongarch64: "1", __loongarch__: "1", __loongarch_lp64: "1" }
};
var KERNEL_ARCH = {
  x86_64: ["CONFIG_X86", "CONFIG_X86_64"],
  aarch64: ["CONFIG_ARM64"],
  s390x: ["CONFIG_S390"],
  ppc64le: ["CONFIG_PPC", "CONFIG_PPC64"],
  riscv64: ["CONFIG_RISCV"],
  loongarch64: ["CONFIG_LOONGARCH"]
};
var ALL_KERNEL_ARCH = /* @__PURE__ */ new Set([
  ...Object.values(KERNEL_ARCH).flat(),
  "CONFIG_X86_32",
  "CONFIG_ARM",
  "CONFIG_MIPS",
  "CONFIG_PPC32",
  "CONFIG_64BIT",
  "CONFIG_32BIT"
]);
var BPF_TARGET_ARCH = {
  x86_64: "__TARGET_ARCH_x86",
  aarch64: "__TARGET_ARCH_arm64",
  s390x: "__TARGET_ARCH_s390",
  ppc64le: "__TARGET_ARCH_powerpc",
  riscv64: "__TARGET_ARCH_riscv",
  loongarch64: "__TARGET_ARCH_loongarch64"
};
var LP64 = {
  __linux__: "1",
  __linux: "1",
  __gnu_linux__: "1",
  __unix__: "1",
  __unix: "1",
  __ELF__: "1",
  __STDC__: "1",
  __LP64__: "1",
  _LP64: "1",
  __CHAR_BIT__: "8",
  __SIZEOF_SHORT__: "2",
  __SIZEOF_INT__: "4",
  __SIZEOF_LONG__: "8",
  __SIZEOF_LONG_LONG__: "8",
  __SIZEOF_POINTER__: "8",
  __SIZEOF_SIZE_T__: "8",
  __SIZEOF_PTRDIFF_T__: "8",
  __SIZEOF_WCHAR_T__: "4",
  __SIZEOF_WINT_T__: "4",
  __SIZEOF_FLOAT__: "4",
  __SIZEOF_DOUBLE__: "8",
  __SIZEOF_INT128__: "16",
  __SCHAR_WIDTH__: "8",
  __SHRT_WIDTH__: "16",
  __INT_WIDTH__: "32",
  __LONG_WIDTH__: "64",
  __LONG_LONG_WIDTH__: "64",
  __PTRDIFF_WIDTH__: "64",
  __SIZE_WIDTH__: "64",
  __INTMAX_WIDTH__: "64",
  __INTPTR_WIDTH__: "64",
  __SCHAR_MAX__: "0x7f",
  __SHRT_MAX__: "0x7fff",
  __INT_MAX__: "0x7fffffff",
  __LONG_MAX__: "0x7fffffffffffffffL",
  __LONG_LONG_MAX__: "0x7fffffffffffffffLL",
  __INTMAX_MAX__: "0x7fffffffffffffffL",
  __UINTMAX_MAX__: "0xffffffffffffffffUL",
  __SIZE_MAX__: "0xffffffffffffffffUL",
  __PTRDIFF_MAX__: "0x7fffffffffffffffL",
  __INTPTR_MAX__: "0x7fffffffffffffffL",
  __UINTPTR_MAX__: "0xffffffffffffffffUL",
  __INT8_MAX__: "0x7f",
  __INT16_MAX__: "0x7fff",
  __INT32_MAX__: "0x7fffffff",
  __INT64_MAX__: "0x7fffffffffffffffL",
  __UINT8_MAX__: "0xff",
  __UINT16_MAX__: "0xffff",
  __UINT32_MAX__: "0xffffffffU",
  __UINT64_MAX__: "0xffffffffffffffffUL",
  __ORDER_LITTLE_ENDIAN__: "1234",
  __ORDER_BIG_ENDIAN__: "4321",
  __ORDER_PDP_ENDIAN__: "3412",
  __ATOMIC_RELAXED: "0",
  __ATOMIC_CONSUME: "1",
  __ATOMIC_ACQUIRE: "2",
  __ATOMIC_RELEASE: "3",
  __ATOMIC_ACQ_REL: "4",
  __ATOMIC_SEQ_CST: "5"
};
var DEFINED_VALUE_UNKNOWN = /* @__PURE__ */ new Set([
  "__GNUC__",
  "__GNUC_MINOR__",
  "__GNUC_PATCHLEVEL__",
  "__VERSION__",
  "__STDC_VERSION__",
  "__STDC_HOSTED__"
]);
var UNSIGNED_CHAR = /* @__PURE__ */ new Set(["aarch64", "s390x", "ppc64le", "riscv64"]);
function byteOrder(arch) {
  const order = arch === "s390x" ? "4321" : "1234";
  return {
    __BYTE_ORDER__: order,
    __FLOAT_WORD_ORDER__: order,
    ...UNSIGNED_CHAR.has(arch) ? { __CHAR_UNSIGNED__: "1" } : {}
  };
}
var KBUILD = { KBUILD_MODNAME: '"scap"', KBUILD_BASENAME: '"main"' };
function kernelConfig(arch) {
  const out2 = { __KERNEL__: "1", CONFIG_64BIT: "1" };
  for (const c of KERNEL_ARCH[arch]) out2[c] = "1";
  return out2;
}
function defines(view, arch) {
  switch (view) {
    case "kmod":
      return { ...LP64, ...byteOrder(arch), ...COMPILER_ARCH[arch], MODULE: "1", ...KBUILD, ...kernelConfig(arch) };
    case "legacy":
      return {
        ...LP64,
        ...byteOrder(arch),
        ...COMPILER_ARCH[arch],
        __clang__: "1",
        __BPF_TRACING__: "1",
        ...kernelConfig(arch)
      };
    case "modern":
      return {
        ...LP64,
        ...byteOrder(arch),
        __clang__: "1",
        __bpf__: "1",
        __BPF__: "1",
        __USE_VMLINUX__: "1",
        [BPF_TARGET_ARCH[arch]]: "1"
      };
    case "userspace":
      return { ...LP64, ...byteOrder(arch), ...COMPILER_ARCH[arch] };
  }
}
var CONFIGS = VIEWS.flatMap((view) => ARCHES.map((arch) => ({ view, arch }))).map(
  ({ view, arch }, index) => ({
    index,
    view,
    arch,
    defines: defines(view, arch),
    kernel: view === "kmod" || view === "legacy"
  })
);
var ALL_CONFIGS = (1 << CONFIGS.length) - 1;
function viewMask(...views) {
  let m = 0;
  for (const c of CONFIGS) if (views.includes(c.view)) m |= 1 << c.index;
  return m;
}
function describeMask(mask) {
  const parts2 = [];
  for (const view of VIEWS) {
    const arches = CONFIGS.filter((c) => c.view === view && mask & 1 << c.index).map((c) => c.arch);
    if (!arches.length) continue;
    parts2.push(`${VIEW_LABEL[view]} (${arches.length === ARCHES.length ? "all architectures" : arches.join(", ")})`);
  }
  return parts2.join(", ") || "no build";
}
function buildsOf(path4) {
  if (path4.startsWith("driver/modern_bpf/shared_definitions/")) return viewMask("modern", "userspace");
  if (path4.startsWith("driver/modern_bpf/")) return viewMask("modern");
  if (path4 === "driver/bpf/types.h") return viewMask("legacy", "userspace");
  if (path4.startsWith("driver/bpf/")) return viewMask("legacy");
  if (/^driver\/[^/]+\.h$/.test(path4)) return ALL_CONFIGS;
  if (/^driver\/[^/]*_table\.c$/.test(path4)) return viewMask("kmod", "userspace");
  if (/^driver\/[^/]+\.c$/.test(path4)) return viewMask("kmod");
  if (path4.startsWith("userspace/")) return viewMask("userspace");
  return ALL_CONFIGS;
}
var INCLUDE_ROOTS = ["", "driver/", "userspace/", "driver/modern_bpf/", "driver/bpf/"];
var EXTERNAL_MACROS = [
  /^__NR_/,
  // syscall numbers of the target architecture
  /^CONFIG_/,
  // the target kernel's configuration (the architecture options are set per configuration)
  /^HAS_/,
  // driver/configure's probes of the target kernel
  /^(RHEL_RELEASE|UTS_|LINUX_VERSION_CODE$|KERNEL_VERSION$)/,
  // distribution and kernel versions
  /^__has_/,
  // compiler feature tests
  // What the command line or the compiler's version decides: optimisation, code model,
  // hardening, instruction-set extensions, clang's version.
  /^__(OPTIMIZE|OPTIMIZE_SIZE|NO_INLINE|PIC|pic|PIE|pie|SSP|SSP_STRONG|SSP_ALL|SSP_EXPLICIT|SANITIZE_[A-Z]+|FAST_MATH|BPF_CPU_VERSION)__$/,
  /^__(SSE|AVX|MMX|FXSR|XSAVE|AES|PCLMUL|POPCNT|BMI|F16C|FMA|ARM_NEON|ARM_FEATURE|ALTIVEC|VSX|VEC|riscv_vector|loongarch_s?x)\w*$/,
  /^__clang_(major|minor|patchlevel|version)__$/,
  /^__(GLIBC|GNU_LIBRARY|UCLIBC|GLIBC_PREREQ)/,
  // libc
  /^[a-z][a-z0-9_]*$/,
  // lower-case names: kernel helpers defined as macros (`defined(get_file_rcu)`)
  /^(IORING|O|SO|AT|S_IF|SEND_SIG|MAP|PROT|_PAGE|CLONE|F)_/,
  // kernel UAPI feature and flag macros
  /^(UINT\d+_MAX|INT\d+_MAX|RLIM_INFINITY|_STK_LIM_MAX|HZ|USER_HZ|NSEC_PER_SEC)$/
  // libc and kernel limits
];
var OTHER_PLATFORMS = /* @__PURE__ */ new Set([
  "_MSC_VER",
  "_WIN32",
  "_WIN64",
  "__CYGWIN__",
  "__MINGW32__",
  "__MINGW64__",
  "__sun",
  "__APPLE__",
  "__MACH__",
  "__FreeBSD__",
  "__NetBSD__",
  "__OpenBSD__",
  "__EMSCRIPTEN__",
  "__cplusplus",
  "__mips__",
  "__mips",
  "__i386__",
  "__arm__",
  "__ILP32__"
]);
function isExternal(name2, config) {
  if (Object.hasOwn(config.defines, name2) || OTHER_PLATFORMS.has(name2)) return false;
  if (ALL_KERNEL_ARCH.has(name2)) return false;
  if (!config.kernel && name2.startsWith("CONFIG_")) return false;
  return EXTERNAL_MACROS.some((re) => re.test(name2));
}
var COMMON_PREDEFINED = new Map(
  Object.entries(CONFIGS[0].defines).filter(([name2, body2]) => CONFIGS.every((c) => c.defines[name2] === body2)).map(([name2, body2]) => [name2, { name: name2, params: null, body: body2 }])
);

// src/record.ts
function record(entries = []) {
  const out2 = /* @__PURE__ */ Object.create(null);
  const list = Symbol.iterator in entries ? entries : Object.entries(entries);
  for (const [k, v] of list) out2[k] = v;
  return out2;
}

// src/parse/c-types.ts
var NAMED = record();
for (const bits3 of [8, 16, 32, 64]) {
  const size = bits3 / 8;
  for (const n of [`int${bits3}_t`, `__s${bits3}`, `s${bits3}`, `__int${bits3}_t`])
    NAMED[n] = { type: `int${bits3}_t`, size, kind: "signed" };
  for (const n of [`uint${bits3}_t`, `__u${bits3}`, `u${bits3}`, `__uint${bits3}_t`, `u_int${bits3}_t`])
    NAMED[n] = { type: `uint${bits3}_t`, size, kind: "unsigned" };
}
Object.assign(NAMED, {
  bool: { type: "bool", size: 1, kind: "bool" },
  _Bool: { type: "bool", size: 1, kind: "bool" },
  float: { type: "float", size: 4, kind: "float" },
  double: { type: "double", size: 8, kind: "float" },
  // LP64 Linux: size_t and uintptr_t are unsigned long, ssize_t/intptr_t/ptrdiff_t long.
  size_t: { type: "unsigned long", size: 8, kind: "unsigned" },
  uintptr_t: { type: "unsigned long", size: 8, kind: "unsigned" },
  ssize_t: { type: "long", size: 8, kind: "signed" },
  intptr_t: { type: "long", size: 8, kind: "signed" },
  ptrdiff_t: { type: "long", size: 8, kind: "signed" },
  // Fixed by the Linux UAPI on every architecture (asm-generic/posix_types.h).
  pid_t: { type: "int32_t", size: 4, kind: "signed" },
  uid_t: { type: "uint32_t", size: 4, kind: "unsigned" },
  gid_t: { type: "uint32_t", size: 4, kind: "unsigned" }
});
function integerWords(spelling) {
  const words = spelling.split(" ");
  const allowed = /* @__PURE__ */ new Set(["signed", "unsigned", "short", "long", "int", "char"]);
  if (!words.every((w) => allowed.has(w))) return null;
  const count = (w) => words.filter((x) => x === w).length;
  const unsigned = count("unsigned") > 0;
  const signed = count("signed") > 0;
  const longs = count("long");
  if (unsigned && signed) return null;
  if (count("char")) {
    if (longs || count("short") || count("int")) return null;
    return unsigned ? NAMED.uint8_t : signed ? NAMED.int8_t : { type: "char", size: 1, kind: "char" };
  }
  if (count("short")) return longs ? null : unsigned ? NAMED.uint16_t : NAMED.int16_t;
  if (longs === 1)
    return { type: unsigned ? "unsigned long" : "long", size: 8, kind: unsigned ? "unsigned" : "signed" };
  if (longs === 2) return unsigned ? NAMED.uint64_t : NAMED.int64_t;
  if (longs > 2) return null;
  return unsigned ? NAMED.uint32_t : NAMED.int32_t;
}
function scalarType(spelling) {
  return NAMED[spelling] ?? integerWords(spelling);
}
var TYPE_KEYWORDS = /* @__PURE__ */ new Set([
  "signed",
  "unsigned",
  "short",
  "long",
  "int",
  "char",
  "void",
  "struct",
  "union",
  "enum",
  "const",
  "volatile"
]);
function isTypeWord(word) {
  return TYPE_KEYWORDS.has(word) || word in NAMED;
}
var INT_BITS = scalarType("int").size * 8;
var LONG_BITS = scalarType("long").size * 8;
function canonicalType(type) {
  const m = /^(unsigned long|long)(\[.*)?$/.exec(type);
  return m ? `${m[1] === "long" ? "int64_t" : "uint64_t"}${m[2] ?? ""}` : type;
}

// src/parse/consteval.ts
function emptySymbols() {
  return { macros: /* @__PURE__ */ new Map(), enumerators: /* @__PURE__ */ new Map() };
}
var TOKEN = /\s*(?:(0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)([uUlL]*)(?![\w.])|(u8|[LuU])?'((?:\\.|[^'\\])+)'|"((?:\\.|[^"\\])*)"|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!<>?:(),.#]))/y;
var SUFFIX = /^(?:[uU]?(?:l|L|ll|LL)?|(?:l|L|ll|LL)[uU])$/;
var UTF8 = new TextEncoder();
var ESCAPES = record({
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  e: 27,
  E: 27,
  "\\": 92,
  "'": 39,
  '"': 34,
  "?": 63
});
function charConstant(body2) {
  const bytes = [];
  const octal = /[0-7]{1,3}/y;
  const hex = /[0-9a-fA-F]+/y;
  for (let i2 = 0; i2 < body2.length; ) {
    if (body2[i2] !== "\\") {
      const cp = body2.codePointAt(i2);
      bytes.push(...UTF8.encode(String.fromCodePoint(cp)));
      i2 += cp > 65535 ? 2 : 1;
      continue;
    }
    const e = body2[i2 + 1] ?? "";
    octal.lastIndex = i2 + 1;
    hex.lastIndex = i2 + 2;
    let m;
    if (m = octal.exec(body2)) {
      bytes.push(parseInt(m[0], 8));
      i2 += 1 + m[0].length;
    } else if (e === "x" && (m = hex.exec(body2))) {
      const digits = m[0].replace(/^0+(?=.)/, "");
      bytes.push(digits.length > 2 ? 256 : parseInt(digits, 16));
      i2 += 2 + m[0].length;
    } else if (ESCAPES[e] !== void 0) {
      bytes.push(ESCAPES[e]);
      i2 += 2;
    } else return null;
  }
  if (bytes.length === 0 || bytes.some((b) => b > 255)) return null;
  if (bytes.length === 1) return bytes[0] < 128 ? BigInt(bytes[0]) : null;
  let v = 0n;
  for (const b of bytes) v = BigInt.asUintN(INT_BITS, v << 8n | BigInt(b));
  return BigInt.asIntN(INT_BITS, v);
}
function tokenize(src) {
  const toks = [];
  let pos = 0;
  const n = src.length;
  for (; ; ) {
    while (pos < n && /\s/.test(src[pos])) pos++;
    if (pos >= n) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    if (m[1] !== void 0) {
      const [t, suffix] = [m[1], m[2]];
      if (!SUFFIX.test(suffix) || /^0\d/.test(t) && !/^0[0-7]+$/.test(t)) return null;
      if (t.replace(/^0[xXbB]?0*/, "").length > 64) return null;
      const v = /^0[0-7]+$/.test(t) ? BigInt(`0o${t.slice(1)}`) : BigInt(/^0[bB]/.test(t) ? `0b${t.slice(2)}` : t);
      toks.push({ k: "num", v, decimal: !/^0./.test(t), unsigned: /u/i.test(suffix), long: /l/i.test(suffix) });
    } else if (m[4] !== void 0) {
      const v = m[3] === void 0 ? charConstant(m[4]) : null;
      if (v === null) return null;
      toks.push({ k: "num", v, decimal: true, unsigned: false, long: false, char: true });
    } else if (m[5] !== void 0) toks.push({ k: "str", v: m[5] });
    else if (m[6] !== void 0) toks.push({ k: "id", v: m[6] });
    else toks.push({ k: "op", v: m[7] });
  }
  return toks;
}
var INT = { bits: INT_BITS, unsigned: false };
var UINT = { bits: INT_BITS, unsigned: true };
var LONG = { bits: LONG_BITS, unsigned: false };
var ULONG = { bits: LONG_BITS, unsigned: true };
var INTMAX = { bits: INTEGER_BITS, unsigned: false };
var UINTMAX = { bits: INTEGER_BITS, unsigned: true };
function as(v, t) {
  return { v: t.unsigned ? BigInt.asUintN(t.bits, v) : BigInt.asIntN(t.bits, v), t };
}
function fits(v, t) {
  return v >= 0n && v < 1n << BigInt(t.unsigned ? t.bits : t.bits - 1);
}
function common(a, b) {
  const bits3 = Math.max(a.bits, b.bits);
  const unsigned = a.bits === bits3 && a.unsigned || b.bits === bits3 && b.unsigned;
  return bits3 === a.bits && unsigned === a.unsigned ? a : bits3 === b.bits && unsigned === b.unsigned ? b : { bits: bits3, unsigned };
}
function numberType(n, preprocessor) {
  if (n.char) return preprocessor ? INTMAX : INT;
  const candidates = preprocessor ? n.unsigned ? [UINTMAX] : [INTMAX, UINTMAX] : n.unsigned ? n.long ? [ULONG] : [UINT, ULONG] : n.decimal ? n.long ? [LONG, ULONG] : [INT, LONG, ULONG] : n.long ? [LONG, ULONG] : [INT, UINT, LONG, ULONG];
  return candidates.find((t) => fits(n.v, t)) ?? null;
}
function enumeratorType(v) {
  if (v < 0n) return v >= -(1n << BigInt(INT_BITS - 1)) ? INT : LONG;
  return [INT, UINT, LONG].find((t) => fits(v, t)) ?? ULONG;
}
function convert(x, to) {
  switch (to.kind) {
    case "bool":
      return { v: x.v === 0n ? 0n : 1n, t: INT };
    case "char": {
      const byte = BigInt.asUintN(8, x.v);
      return byte < 0x80n ? { v: byte, t: INT } : null;
    }
    case "enum": {
      const v = BigInt.asUintN(INT_BITS, x.v);
      return fits(v, INT) ? { v, t: INT } : null;
    }
    case "int": {
      const c = as(x.v, { bits: to.bits, unsigned: to.unsigned });
      return to.bits < INT_BITS ? { v: c.v, t: INT } : c;
    }
  }
}
function castTarget(spelling) {
  if (/^enum(?: \w+)?$/.test(spelling)) return { kind: "enum" };
  const s = scalarType(spelling);
  if (!s || s.kind === "float") return null;
  if (s.kind === "bool" || s.kind === "char") return { kind: s.kind };
  return { kind: "int", bits: s.size * 8, unsigned: s.kind === "unsigned" };
}
var MAX_TYPE_WORDS = 16;
var Evaluator = class _Evaluator {
  constructor(toks, syms, level, expanding, session) {
    this.toks = toks;
    this.syms = syms;
    this.level = level;
    this.expanding = expanding;
    this.session = session;
  }
  toks;
  syms;
  level;
  expanding;
  session;
  i = 0;
  depth = 0;
  run() {
    const v = this.ternary();
    return this.i === this.toks.length ? v : null;
  }
  step() {
    if (++this.session.steps > MAX_EVAL_STEPS) {
      this.syms.problems?.add(`a constant expression needs more than ${MAX_EVAL_STEPS} steps`);
      return false;
    }
    if (this.session.steps > this.session.allowance) {
      if (this.session.allowance !== -1) {
        const spent = this.syms.budget.stop("MAX_REVISION_EVAL_STEPS");
        this.syms.problems?.add(spent.message);
      }
      this.session.allowance = -1;
      return false;
    }
    return true;
  }
  enter() {
    if (++this.depth + this.level > MAX_EVAL_DEPTH) {
      this.syms.problems?.add(`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`);
      return false;
    }
    return true;
  }
  peek() {
    return this.toks[this.i];
  }
  isOp(v) {
    const t = this.peek();
    return t?.k === "op" && t.v === v;
  }
  expect(v) {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  /** The type of a truth value: int in C, intmax_t in `#if`. */
  get truthType() {
    return this.session.preprocessor ? INTMAX : INT;
  }
  ternary() {
    if (!this.enter()) return null;
    try {
      const c = this.binary(0);
      if (!this.expect("?")) return c;
      const a = this.ternary();
      if (!this.expect(":")) return null;
      const b = this.ternary();
      if (a === null || b === null || a.loose || b.loose) {
        const chosen = c === null ? null : c.v !== 0n ? a : b;
        return chosen !== null && chosen.v >= 0n ? { v: chosen.v, t: chosen.t, loose: true } : null;
      }
      const t = common(a.t, b.t);
      const [x, y] = [as(a.v, t), as(b.v, t)];
      if (c === null) return x.v === y.v ? x : null;
      return c.v !== 0n ? x : y;
    } finally {
      this.depth--;
    }
  }
  static PREC = {
    "||": 1,
    "&&": 2,
    "|": 3,
    "^": 4,
    "&": 5,
    "==": 6,
    "!=": 6,
    "<": 7,
    ">": 7,
    "<=": 7,
    ">=": 7,
    "<<": 8,
    ">>": 8,
    "+": 9,
    "-": 9,
    "*": 10,
    "/": 10,
    "%": 10
  };
  binary(minPrec) {
    let left = this.unary();
    for (; ; ) {
      const t = this.peek();
      if (t?.k !== "op") return left;
      const prec = _Evaluator.PREC[t.v];
      if (prec === void 0 || prec <= minPrec) return left;
      if (!this.step()) return null;
      this.i++;
      const right = this.binary(prec);
      left = applyBinary(
        t.v,
        left,
        right,
        this.truthType,
        (by) => this.syms.problems?.add(`a constant expression shifts by ${by}, which C leaves undefined`)
      );
    }
  }
  /**
   * The words of a type name, through the object-like macros the preprocessor would replace
   * first (`#define u8 unsigned char`, `#define uint32_t uint64_t`); null when they do not
   * spell a type.
   */
  typeWords(toks) {
    const out2 = [];
    const add = (t, depth, seen) => {
      if (t.k === "op" && t.v === "*") return out2.push("*") <= MAX_TYPE_WORDS;
      if (t.k !== "id") return false;
      const m = this.syms.macros.get(t.v);
      if (m && !this.expanding.has(t.v) && !seen.has(t.v)) {
        const body2 = m.params === null && depth < MAX_TYPE_WORDS ? tokensOf(m.body) : null;
        return !!body2 && body2.length > 0 && body2.every((b) => add(b, depth + 1, /* @__PURE__ */ new Set([...seen, t.v])));
      }
      return out2.push(t.v) <= MAX_TYPE_WORDS;
    };
    return toks.every((t) => add(t, 0, /* @__PURE__ */ new Set())) ? out2.filter((w) => w !== "const" && w !== "volatile") : null;
  }
  /** What a type name converts to, or null for one the evaluator does not know (see CastTarget). */
  castTargetOf(words) {
    if (words.includes("*")) return null;
    const spelling = words.join(" ");
    const direct = castTarget(spelling);
    if (direct || words.length !== 1) return direct;
    const alias = this.syms.scalarOf?.(spelling);
    return alias ? castTarget(alias) : null;
  }
  /**
   * A cast at the current `(`: where it ends and what it converts to, or null when the parentheses
   * hold no type name (`(A | B)`). A name counts as a type when it is a type word, ends in `_t`
   * (a typedef, known or not), or is a typedef the surface knows (`scalarOf`).
   */
  castAt() {
    let j = this.i + 1;
    while (j < this.toks.length && (this.toks[j].k === "id" || this.toks[j].k === "op" && this.toks[j].v === "*"))
      j++;
    const close = this.toks[j];
    if (j === this.i + 1 || close?.k !== "op" || close.v !== ")") return null;
    const words = this.typeWords(this.toks.slice(this.i + 1, j));
    if (!words?.length) return null;
    const known = (w, k) => w === "*" || isTypeWord(w) || /_t$/.test(w) || /^(struct|union|enum)$/.test(words[k - 1] ?? "") || words.length === 1 && !!this.syms.scalarOf?.(w);
    if (!words.every(known)) return null;
    return { end: j + 1, target: this.castTargetOf(words) };
  }
  unary() {
    const ops = [];
    for (; ; ) {
      const t = this.peek();
      if (t?.k === "op" && t.v.length === 1 && "-+~!".includes(t.v)) {
        if (!this.step()) return null;
        ops.push(t.v);
        this.i++;
        continue;
      }
      const cast = t?.k === "op" && t.v === "(" ? this.castAt() : null;
      if (!cast) break;
      if (!this.step()) return null;
      ops.push(this.session.preprocessor ? null : cast.target);
      this.i = cast.end;
    }
    let v = this.primary();
    for (let k = ops.length - 1; k >= 0 && v !== null; k--) {
      const op = ops[k];
      if (typeof op !== "string") v = op === null ? null : convert(v, op);
      else if (op === "-") v = v.loose ? null : as(-v.v, v.t);
      else if (op === "~") v = v.loose ? null : as(~v.v, v.t);
      else if (op === "!") v = { v: v.v === 0n ? 1n : 0n, t: this.truthType };
    }
    return v;
  }
  primary() {
    const t = this.peek();
    if (!t || !this.step()) return null;
    this.i++;
    if (t.k === "num") {
      const type = numberType(t, this.session.preprocessor);
      if (type === null) return null;
      this.syms.onValue?.(t.v);
      const loose = type.unsigned && t.decimal && !t.unsigned && !this.session.preprocessor;
      return loose ? { v: t.v, t: type, loose } : { v: t.v, t: type };
    }
    if (t.k === "op" && t.v === "(") {
      const v = this.ternary();
      return this.expect(")") ? v : null;
    }
    if (t.k === "id") return this.identifier(t.v);
    return null;
  }
  /** Arguments of a call, as raw token runs split on top-level commas. */
  callArgs() {
    if (!this.expect("(")) return null;
    const args2 = [[]];
    let depth = 0;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++];
      if (t.k === "op" && t.v === "(") depth++;
      if (t.k === "op" && t.v === ")") {
        if (depth === 0) return args2[0].length === 0 && args2.length === 1 ? [] : args2;
        depth--;
      }
      if (t.k === "op" && t.v === "," && depth === 0) args2.push([]);
      else args2[args2.length - 1].push(t);
    }
    return null;
  }
  sub(toks, expanding = this.expanding) {
    if (this.level + this.depth + 1 > MAX_EVAL_DEPTH) {
      this.syms.problems?.add(`a constant expression is nested more than ${MAX_EVAL_DEPTH} deep`);
      return null;
    }
    return new _Evaluator(toks, this.syms, this.level + this.depth + 1, expanding, this.session).run();
  }
  /** Size in bytes of a type name (`sizeof`, the size argument of `_IOR`). */
  typeSize(toks) {
    const words = this.typeWords(toks);
    if (!words) return null;
    if (words.includes("*")) return scalarType("uintptr_t").size;
    const spelling = words.join(" ");
    return scalarType(spelling)?.size ?? this.syms.sizeOf?.(spelling) ?? null;
  }
  defined() {
    const paren = this.expect("(");
    const t = this.toks[this.i++];
    if (t?.k !== "id" || paren && !this.expect(")")) return null;
    const d = this.syms.isDefined(t.v);
    return d === null ? null : { v: d ? 1n : 0n, t: INTMAX };
  }
  hasInclude() {
    const args2 = this.callArgs();
    if (args2?.length !== 1) return null;
    const a = args2[0];
    let path4;
    let angled;
    if (a.length === 1 && a[0].k === "str") [path4, angled] = [a[0].v, false];
    else if (a[0]?.k === "op" && a[0].v === "<" && a[a.length - 1]?.k === "op" && a[a.length - 1].v === ">") {
      [path4, angled] = [
        a.slice(1, -1).map((t) => String(t.v)).join(""),
        true
      ];
    } else return null;
    const h = this.syms.hasInclude?.(path4, angled) ?? null;
    return h === null ? null : { v: h ? 1n : 0n, t: INTMAX };
  }
  identifier(name2) {
    if (name2 === "defined" && this.syms.isDefined) return this.defined();
    if ((name2 === "__has_include" || name2 === "__has_include_next") && this.isOp("(")) return this.hasInclude();
    if (name2 === "sizeof" && !this.syms.macros.has(name2)) {
      const args2 = this.callArgs();
      const size = args2?.length === 1 && !this.session.preprocessor ? this.typeSize(args2[0]) : null;
      return size === null ? null : { v: BigInt(size), t: ULONG };
    }
    const ioc = IOCTL_ENCODERS[name2];
    if (ioc !== void 0 && this.isOp("(") && !this.syms.macros.has(name2)) {
      const args2 = this.callArgs();
      if (!args2 || args2.length < 2) return null;
      const type = this.sub(args2[0]);
      const nr = this.sub(args2[1]);
      const size = args2.length >= 3 ? this.typeSize(args2[2]) : 0;
      if (type === null || nr === null || size === null) return null;
      let v2 = { v: BigInt(ioc) << 30n, t: UINT };
      for (const part of [
        applyBinary("<<", type, { v: 8n, t: INT }, INT),
        nr,
        { v: BigInt(size) << 16n, t: size ? ULONG : INT }
      ])
        v2 = applyBinary("|", v2, part, INT);
      return v2 && as(v2.v, UINT);
    }
    const macro = this.syms.macros.get(name2);
    if (macro && !this.expanding.has(name2)) {
      this.syms.onMacro?.(name2);
      return macro.params === null ? this.objectMacro(macro) : this.callMacro(macro);
    }
    const e = this.syms.enumerators.get(name2);
    if (e !== void 0) return { v: e, t: enumeratorType(e) };
    const v = this.syms.identifier ? this.syms.identifier(name2) : null;
    return v === null ? null : { v, t: INTMAX };
  }
  objectMacro(macro) {
    const memo = this.syms.memo ??= /* @__PURE__ */ new Map();
    const key = this.session.preprocessor ? `#${macro.name}` : macro.name;
    const known = memo.get(key);
    if (known) return known;
    if (this.session.unknown.has(macro.name)) return null;
    const body2 = tokensOf(macro.body);
    const v = body2?.length ? this.sub(body2, /* @__PURE__ */ new Set([...this.expanding, macro.name])) : null;
    if (v !== null) memo.set(key, v);
    else this.session.unknown.add(macro.name);
    if (v !== null) this.syms.onValue?.(v.v);
    return v;
  }
  callMacro(macro) {
    const args2 = this.callArgs();
    if (!args2) return null;
    const key = `${macro.name}(${args2.map((a) => a.map((t) => String(t.v)).join(" ")).join(",")})`;
    const calls = this.session.calls;
    if (calls.has(key)) return calls.get(key);
    const v = this.sub(expandFunctionMacro(macro, args2), /* @__PURE__ */ new Set([...this.expanding, macro.name]));
    calls.set(key, v);
    if (v !== null) this.syms.onValue?.(v.v);
    return v;
  }
};
var IOCTL_ENCODERS = record({ _IO: 0, _IOW: 1, _IOR: 2, _IOWR: 3 });
function expandFunctionMacro(macro, args2) {
  const body2 = tokensOf(macro.body) ?? [];
  const out2 = [];
  for (const t of body2) {
    const idx = t.k === "id" ? macro.params.indexOf(t.v) : -1;
    if (idx >= 0) out2.push({ k: "op", v: "(" }, ...args2[idx] ?? [], { k: "op", v: ")" });
    else out2.push(t);
  }
  return out2;
}
function applyBinary(op, a, b, truth, onBadShift) {
  const bool = (x2) => ({ v: x2 ? 1n : 0n, t: truth });
  if (op === "&&") return a?.v === 0n || b?.v === 0n ? bool(false) : a === null || b === null ? null : bool(true);
  if (op === "||")
    return a !== null && a.v !== 0n || b !== null && b.v !== 0n ? bool(true) : a === null || b === null ? null : bool(false);
  if (a === null || b === null) return null;
  if (a.loose || b.loose) {
    if (!["<", ">", "<=", ">=", "==", "!="].includes(op) || a.v < 0n || b.v < 0n) return null;
  }
  if (op === "<<" || op === ">>") {
    if (b.v < 0n || b.v >= BigInt(a.t.bits)) {
      onBadShift?.(b.v);
      return null;
    }
    return as(op === "<<" ? a.v << b.v : a.v >> b.v, a.t);
  }
  const t = common(a.t, b.t);
  const [x, y] = [as(a.v, t).v, as(b.v, t).v];
  switch (op) {
    case "+":
      return as(x + y, t);
    case "-":
      return as(x - y, t);
    case "*":
      return as(x * y, t);
    case "/":
      return y === 0n ? null : as(x / y, t);
    case "%":
      return y === 0n ? null : as(x % y, t);
    case "&":
      return as(x & y, t);
    case "|":
      return as(x | y, t);
    case "^":
      return as(x ^ y, t);
    case "<":
      return bool(x < y);
    case ">":
      return bool(x > y);
    case "<=":
      return bool(x <= y);
    case ">=":
      return bool(x >= y);
    case "==":
      return bool(x === y);
    case "!=":
      return bool(x !== y);
  }
  return null;
}
var TOKENS = /* @__PURE__ */ new Map();
function tokensOf(expr) {
  let toks = TOKENS.get(expr);
  if (toks === void 0) {
    toks = tokenize(expr);
    if (TOKENS.size >= MEMO_ENTRIES) TOKENS.clear();
    TOKENS.set(expr, toks);
  }
  return toks;
}
function evaluateValue(expr, syms) {
  const toks = tokensOf(expr);
  if (!toks || toks.length === 0) return null;
  const budget = syms.budget;
  if (budget && budget.stepsLeft <= 0) {
    const spent = budget.stop("MAX_REVISION_EVAL_STEPS");
    syms.problems?.add(spent.message);
    return null;
  }
  const session = {
    steps: 0,
    allowance: budget ? budget.stepsLeft : Infinity,
    calls: /* @__PURE__ */ new Map(),
    unknown: /* @__PURE__ */ new Set(),
    preprocessor: syms.isDefined !== void 0
  };
  const v = new Evaluator(toks, syms, 0, /* @__PURE__ */ new Set(), session).run();
  budget?.chargeSteps(session.steps);
  return v;
}
function evaluate(expr, syms) {
  return evaluateValue(expr, syms)?.v ?? null;
}
function toNumber(v) {
  const n = Number(v >= 1n << 63n ? BigInt.asIntN(64, v) : v);
  return Number.isSafeInteger(n) ? n : null;
}
function evaluateNumber(expr, syms) {
  const v = evaluate(expr, syms);
  return v === null ? null : toNumber(v);
}
function evaluateAs(expr, syms, type) {
  const v = evaluateValue(expr, syms);
  const target = castTarget(type);
  const converted = v && target ? convert(v, target) : null;
  return converted === null ? null : toNumber(converted.v);
}

// src/parse/c-text.ts
var NL = 10;
var BACKSLASH = 92;
function isBlank(c) {
  return c === 32 || c === 9 || c === 11 || c === 12;
}
function isTokenChar(c) {
  return c > 32 && c !== BACKSLASH;
}
function normaliseLineEnds(src) {
  let s = src.charCodeAt(0) === 65279 ? ` ${src.slice(1)}` : src;
  if (s.indexOf("\r") < 0) return s;
  s = s.replace(/\r\n/g, " \n");
  return s.replace(/\r/g, "\n");
}
function spliceContinuations(s) {
  const re = /\\[ \t\f\v]*\n/g;
  let m = re.exec(s);
  if (!m) return s;
  const out2 = [];
  let copied = 0;
  let owedSpaces = 0;
  let owedNewlines = 0;
  const settle2 = () => {
    const nl = s.indexOf("\n", copied);
    const end = nl < 0 ? s.length : nl;
    out2.push(s.slice(copied, end), " ".repeat(owedSpaces), nl < 0 ? "" : "\n", "\n".repeat(owedNewlines));
    copied = nl < 0 ? s.length : nl + 1;
    owedSpaces = owedNewlines = 0;
  };
  for (; m; m = re.exec(s)) {
    const i2 = m.index;
    const nl = i2 + m[0].length - 1;
    if (owedNewlines) {
      const end = s.indexOf("\n", copied);
      if (end >= 0 && end < i2) settle2();
    }
    const splitsToken = i2 > 0 && isTokenChar(s.charCodeAt(i2 - 1)) && nl + 1 < s.length && isTokenChar(s.charCodeAt(nl + 1));
    if (splitsToken) {
      out2.push(s.slice(copied, i2));
      owedSpaces += nl - i2;
      owedNewlines++;
    } else {
      out2.push(s.slice(copied, i2), s.slice(i2 + 1, nl), "\\\n");
    }
    copied = nl + 1;
  }
  if (owedNewlines) settle2();
  out2.push(s.slice(copied));
  return out2.join("");
}
function continued(s, nl) {
  return nl > 0 && s.charCodeAt(nl - 1) === BACKSLASH;
}
var DIGRAPHS = { "<:": "[ ", ":>": "] ", "<%": "{ ", "%>": "} ", "%:%:": "##  ", "%:": "# " };
function blankComments(s) {
  const parts2 = [];
  let copied = 0;
  const n = s.length;
  const next = /["'/]|%:%:|<[:%]|%[>:]|:>/g;
  for (let m = next.exec(s); m; m = next.exec(s)) {
    let i2 = m.index;
    const c = s.charCodeAt(i2);
    const digraph = DIGRAPHS[m[0]];
    if (digraph) {
      parts2.push(s.slice(copied, i2), digraph);
      copied = next.lastIndex = i2 + m[0].length;
    } else if (c === 34 || c === 39) {
      i2++;
      while (i2 < n) {
        const d = s.charCodeAt(i2);
        if (d === c) break;
        if (d === NL && !continued(s, i2)) break;
        i2 += d === BACKSLASH ? 2 : 1;
      }
      next.lastIndex = i2 + 1;
    } else if (s.charCodeAt(i2 + 1) === 42) {
      const end = s.indexOf("*/", i2 + 2);
      const stop2 = end < 0 ? n : end + 2;
      parts2.push(s.slice(copied, i2), blank(s, i2, stop2));
      copied = next.lastIndex = stop2;
    } else if (s.charCodeAt(i2 + 1) === 47) {
      let stop2 = s.indexOf("\n", i2);
      while (stop2 > 0 && continued(s, stop2)) stop2 = s.indexOf("\n", stop2 + 1);
      if (stop2 < 0) stop2 = n;
      parts2.push(s.slice(copied, i2), blank(s, i2, stop2));
      copied = next.lastIndex = stop2;
    }
  }
  if (!parts2.length) return s;
  parts2.push(s.slice(copied));
  return parts2.join("");
}
function blank(s, a, b) {
  const seg = s.slice(a, b);
  return seg.indexOf("\n") < 0 ? " ".repeat(b - a) : seg.split("\n").map((line) => " ".repeat(line.length)).join("\n");
}
function lineIndex(text2) {
  const starts = [0];
  for (let i2 = text2.indexOf("\n"); i2 >= 0; i2 = text2.indexOf("\n", i2 + 1)) starts.push(i2 + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
function cText(source) {
  const spliced = spliceContinuations(normaliseLineEnds(source));
  const text2 = blankComments(spliced);
  let index = null;
  return { spliced, text: text2, lineAt: (offset) => (index ??= lineIndex(spliced))(offset) };
}

// src/parse/directives.ts
var DIRECTIVE_START = /^[ \t\f\v]*(?:#|%:)[ \t\f\v]*([A-Za-z_]\w*)?/;
function logicalLine(text2, lineStart) {
  let end = text2.indexOf("\n", lineStart);
  let lines = 1;
  while (end >= 0 && text2.charCodeAt(end - 1) === 92) {
    end = text2.indexOf("\n", end + 1);
    lines++;
  }
  if (end < 0) end = text2.length;
  return { end, joined: text2.slice(lineStart, end).replace(/\\\n/g, " "), lines };
}
function fold(s) {
  return s.replace(/\s+/g, " ").trim();
}
function parseDefine(rest) {
  const m = /^\s*([A-Za-z_]\w*)(\()?/.exec(rest);
  if (!m) return null;
  const name2 = m[1];
  if (!m[2]) return { name: name2, params: null, body: fold(rest.slice(m[0].length)) };
  const close = rest.indexOf(")", m[0].length);
  if (close < 0) return null;
  const params = rest.slice(m[0].length, close).split(",").map((p) => p.trim()).filter((p) => p !== "").map((p) => p.endsWith("...") && p !== "..." ? `${p.slice(0, -3).trim()}...` : p);
  return { name: name2, params, body: fold(rest.slice(close + 1)) };
}
function headerName(rest) {
  const m = /^\s*(?:"([^"\n]*)"|<([^>\n]*)>)/.exec(rest);
  if (!m) return null;
  return m[1] !== void 0 ? { path: m[1], angled: false } : { path: m[2], angled: true };
}
function packArgs(pragma) {
  const p = /^\s*pack\s*\(([^)]*)\)/.exec(pragma);
  return p ? p[1].split(",").map((a) => a.trim()) : null;
}
function applyPack(state, args2) {
  const [first = "", second, third] = args2;
  const literal = (text2) => {
    if (!/^(0x[0-9a-f]+|\d+)$/i.test(text2)) return null;
    const v2 = Number(text2);
    return [0, 1, 2, 4, 8, 16].includes(v2) ? v2 : "ignored";
  };
  if (third !== void 0) return false;
  if (first === "push") {
    const v2 = second === void 0 ? state.cap : literal(second);
    if (v2 === null) return false;
    if (v2 !== "ignored") {
      state.stack.push(state.cap);
      state.cap = v2;
    }
    return true;
  }
  if (first === "pop") {
    if (second !== void 0) return false;
    if (state.stack.length) state.cap = state.stack.pop();
    return true;
  }
  if (second !== void 0) return false;
  if (first === "show") return true;
  const v = first === "" ? 0 : literal(first);
  if (v === null) return false;
  if (v !== "ignored") state.cap = v;
  return true;
}
var PRAGMA_OPERATOR = /_Pragma\s*\(\s*(L?"(?:\\.|[^"\\\n])*")\s*\)/y;
function destringize(literal) {
  return literal.replace(/^L?"|"$/g, "").replace(/\\(["\\])/g, "$1");
}
function packOperatorAt(text2, i2) {
  PRAGMA_OPERATOR.lastIndex = i2;
  const m = PRAGMA_OPERATOR.exec(text2);
  return m && packArgs(destringize(m[1]));
}
function pragmaOperatorPacks(text2) {
  const out2 = [];
  for (let i2 = text2.indexOf("_Pragma"); i2 >= 0; i2 = text2.indexOf("_Pragma", i2 + 7)) {
    const args2 = packOperatorAt(text2, i2);
    if (args2) out2.push(args2);
  }
  return out2;
}
function pragmaMacroNames(all) {
  const bodies = /* @__PURE__ */ new Map();
  for (const d of all) for (const m of d.macros) bodies.set(m.name, [...bodies.get(m.name) ?? [], m.body]);
  const names2 = /* @__PURE__ */ new Set();
  for (const [name2, list] of bodies) if (list.some((b) => /\b_Pragma\b/.test(b))) names2.add(name2);
  for (let grew = names2.size > 0; grew; ) {
    grew = false;
    for (const [name2, list] of bodies) {
      if (names2.has(name2) || !list.some((b) => (b.match(/[A-Za-z_]\w*/g) ?? []).some((w) => names2.has(w)))) continue;
      names2.add(name2);
      grew = true;
    }
  }
  return names2;
}
function literalCursor(line) {
  let k = 0;
  let quote = "";
  return (i2) => {
    for (; k < i2; k++) {
      const c = line[k];
      if (quote) {
        if (c === "\\") k++;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
    }
    return quote !== "";
  };
}
function operatorOps(text2, start2, end, atLine, pragmaMacros, scan) {
  const line = text2.slice(start2, end);
  const found = [];
  const inLiteral = literalCursor(line);
  for (let i2 = line.indexOf("_Pragma"); i2 >= 0; i2 = line.indexOf("_Pragma", i2 + 7)) {
    if (inLiteral(i2) || /\w/.test(line[i2 - 1] ?? "") || /\w/.test(line[i2 + 7] ?? "")) continue;
    const args2 = packOperatorAt(text2, start2 + i2);
    if (args2) found.push({ at: i2, op: { op: "pack", args: args2, line: atLine } });
  }
  if (pragmaMacros?.size) {
    const inLiteralToo = literalCursor(line);
    for (const m of line.matchAll(/[A-Za-z_]\w*/g)) {
      const from = start2 + m.index;
      if (!pragmaMacros.has(m[0]) || from < scan.until || inLiteralToo(m.index)) continue;
      const after = /^\s*\(/.exec(text2.slice(from + m[0].length, from + m[0].length + 256));
      const use = after ? invocation(text2, from, from + m[0].length + after[0].length - 1) : m[0];
      const op = {
        op: "expand",
        text: use ?? m[0],
        line: atLine,
        offset: from,
        ...use === null ? { unread: true } : {}
      };
      scan.until = from + op.text.length;
      found.push({ at: m.index, op });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.op);
}
function invocation(text2, from, open) {
  let depth = 0;
  const stop2 = Math.min(text2.length, from + MAX_PRAGMA_MACRO_USE_CHARS);
  for (let i2 = open; i2 < stop2; i2++) {
    const c = text2[i2];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return text2.slice(from, i2 + 1);
    else if (c === "\n" && /^[ \t]*(#|%:)/.test(text2.slice(i2 + 1, i2 + 64))) return null;
  }
  return null;
}
function scanDirectives(text2, pragmaMacros) {
  const branches = [];
  const macros = [];
  const includes = [];
  const ops = [];
  const spans = [];
  const branchOfLine = [-1];
  const unfollowed = [];
  const pushed = /* @__PURE__ */ new Map();
  const lastOf = (name2) => {
    for (let i2 = ops.length - 1; i2 >= 0; i2--) {
      const o = ops[i2];
      if (o.op === "define" && macros[o.macro].name === name2)
        return { macro: o.macro, branch: macros[o.macro].branch };
      if (o.op === "undef" && o.name === name2) return "undef";
    }
    return null;
  };
  const open = [];
  let unbalanced = false;
  let nextPragma = text2.indexOf("_Pragma");
  const uses = { until: 0 };
  let current = -1;
  let line = 1;
  let pos = 0;
  const n = text2.length;
  while (pos <= n) {
    const nl = text2.indexOf("\n", pos);
    const lineEnd = nl < 0 ? n : nl;
    let k = pos;
    while (k < lineEnd && isBlank(text2.charCodeAt(k))) k++;
    const first = text2.charCodeAt(k);
    const m = first === 35 || first === 37 && text2.charCodeAt(k + 1) === 58 ? DIRECTIVE_START.exec(text2.slice(pos, Math.min(lineEnd, k + 256))) : null;
    if (!m) {
      if (nextPragma >= 0 && nextPragma < pos) nextPragma = text2.indexOf("_Pragma", pos);
      if (nextPragma >= 0 && nextPragma < lineEnd || pragmaMacros?.size)
        ops.push(...operatorOps(text2, pos, lineEnd, line, pragmaMacros, uses));
      branchOfLine[line] = current;
      if (nl < 0) break;
      pos = nl + 1;
      line++;
      continue;
    }
    const { end, joined, lines } = logicalLine(text2, pos);
    const name2 = m[1] ?? "";
    const rest = joined.slice(m[0].length);
    const atLine = line;
    spans.push([pos, end]);
    const closeBranch = () => {
      if (current >= 0) branches[current].endLine = atLine - 1;
    };
    if (name2 === "if" || name2 === "ifdef" || name2 === "ifndef") {
      const test = name2 === "if" ? fold(rest) : name2 === "ifdef" ? `defined(${fold(rest)})` : `!defined(${fold(rest)})`;
      const id = branches.length;
      branches.push({ kind: name2, test, condition: test, line: atLine, endLine: atLine, parent: current });
      open.push({ branches: [id], rest: `!(${test})` });
      ops.push({ op: "branch", branch: id });
      current = id;
    } else if (name2 === "elif" || name2 === "elifdef" || name2 === "elifndef" || name2 === "else") {
      const group = open[open.length - 1];
      if (!group) unbalanced = true;
      else {
        closeBranch();
        const test = name2 === "else" ? "" : name2 === "elif" ? fold(rest) : name2 === "elifdef" ? `defined(${fold(rest)})` : `!defined(${fold(rest)})`;
        const id = branches.length;
        const parent = branches[group.branches[0]].parent;
        branches.push({
          kind: name2,
          test,
          condition: test ? `${group.rest} && (${test})` : group.rest,
          line: atLine,
          endLine: atLine,
          parent
        });
        if (test) group.rest = `${group.rest} && !(${test})`;
        group.branches.push(id);
        ops.push({ op: "branch", branch: id });
        current = id;
      }
    } else if (name2 === "endif") {
      const group = open.pop();
      if (!group) unbalanced = true;
      else {
        closeBranch();
        const firstBranch = branches[group.branches[0]];
        ops.push({ op: "endif", first: group.branches[0], line: atLine });
        current = firstBranch.parent;
      }
    } else if (name2 === "define") {
      const d = parseDefine(rest);
      if (d) {
        const top = current >= 0 ? branches[current] : null;
        if (top && top.kind === "ifndef" && top.test === `!defined(${d.name})` && top.line === atLine - 1 && d.params === null)
          top.includeGuard = true;
        ops.push({ op: "define", macro: macros.length });
        macros.push({ ...d, line: atLine, branch: current });
      }
    } else if (name2 === "undef") {
      const u = /^\s*([A-Za-z_]\w*)/.exec(rest);
      if (u) ops.push({ op: "undef", name: u[1], line: atLine });
    } else if (name2 === "include" || name2 === "include_next") {
      const named = /^\s*([A-Za-z_]\w*)\s*$/.exec(rest)?.[1];
      const h = headerName(rest) ?? (named ? headerName([...macros].reverse().find((m2) => m2.name === named && m2.params === null)?.body ?? "") : null);
      if (h) {
        ops.push({ op: "include", include: includes.length });
        includes.push({ ...h, line: atLine, offset: pos, branch: current });
      } else if (rest.trim())
        unfollowed.push({
          line: atLine,
          directive: "include",
          reason: "an #include names its header with a macro, which driver-semver does not follow, so what that header defines is not known"
        });
    } else if (name2 === "pragma") {
      const args2 = packArgs(rest);
      const saved = /^\s*(push|pop)_macro\s*\(\s*"([A-Za-z_]\w*)"\s*\)/.exec(rest);
      if (args2) ops.push({ op: "pack", args: args2, line: atLine });
      else if (saved?.[1] === "push") {
        const last = lastOf(saved[2]);
        pushed.set(saved[2], [
          ...pushed.get(saved[2]) ?? [],
          last === "undef" || last && last.branch === current ? last : null
        ]);
      } else if (saved) {
        const back = pushed.get(saved[2])?.pop();
        if (back === "undef") ops.push({ op: "undef", name: saved[2], line: atLine });
        else if (back && back.branch === current) {
          ops.push({ op: "undef", name: saved[2], line: atLine });
          ops.push({ op: "define", macro: macros.length });
          macros.push({ ...macros[back.macro], line: atLine, branch: current });
        } else
          unfollowed.push({
            line: atLine,
            directive: "pop_macro",
            reason: `#pragma pop_macro("${saved[2]}") restores a definition driver-semver cannot tell, so the value of ${saved[2]} is not known`
          });
      }
    } else if (name2 === "error") {
      ops.push({ op: "error", text: fold(rest), line: atLine, branch: current });
    }
    for (let k2 = 0; k2 < lines; k2++) branchOfLine[atLine + k2] = current;
    line += lines;
    if (end >= n) break;
    pos = end + 1;
  }
  if (open.length) unbalanced = true;
  for (const b of branches) {
    if (b.includeGuard && !isWholeFile(b, branches, ops)) delete b.includeGuard;
  }
  return { branches, macros, includes, ops, branchOfLine, spans, unbalanced, unfollowed };
}
function isWholeFile(b, branches, ops) {
  const id = branches.indexOf(b);
  const last = ops[ops.length - 1];
  if (b.parent !== -1 || !last || last.op !== "endif" || last.first !== id) return false;
  return !branches.some((o) => o.parent === -1 && o.line > b.line && (o.kind.startsWith("elif") || o.kind === "else"));
}
function branchChain(d, line) {
  const out2 = [];
  for (let b = d.branchOfLine[line] ?? -1; b >= 0; b = d.branches[b].parent) out2.push(b);
  return out2.reverse();
}

// src/parse/macros.ts
var TOKEN2 = /\s*(?:([A-Za-z_]\w*)|(\d[\w.]*|\.\d[\w.]*)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(##|#|->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||\.\.\.|[-+*/%&|^~!<>?:;,.()[\]{}=]))/y;
function lex(text2) {
  const out2 = [];
  let pos = 0;
  while (pos < text2.length) {
    const start2 = pos;
    while (pos < text2.length && /\s/.test(text2[pos])) pos++;
    if (pos >= text2.length) break;
    TOKEN2.lastIndex = pos;
    const m = TOKEN2.exec(text2);
    if (!m) return null;
    out2.push({ t: m[1] ?? m[2] ?? m[3] ?? m[4], id: m[1] !== void 0, ws: pos > start2 });
    pos = TOKEN2.lastIndex;
  }
  return out2;
}
function join(toks) {
  return toks.map((k, i2) => (i2 && k.ws ? " " : "") + k.t).join("");
}
var Expander = class {
  constructor(macros, opts) {
    this.macros = macros;
    this.opts = opts;
    this.allowance = opts.budget ? opts.budget.stepsLeft : Infinity;
  }
  macros;
  opts;
  steps = 0;
  output = 0;
  calls = /* @__PURE__ */ new Map();
  /** Why the expansion stopped, when it did. */
  problem = null;
  /** It stopped because the revision's budget is spent (not a fact about the text: never memoise it). */
  spent = false;
  /** Tokens read and produced this expansion may still take from the revision's budget. */
  allowance;
  /** Tokens read and produced: what the revision's budget is charged. */
  get work() {
    return this.steps + this.output;
  }
  over() {
    if (this.problem) return true;
    if (++this.steps > MAX_EVAL_STEPS) this.problem = `a macro expansion needs more than ${MAX_EVAL_STEPS} steps`;
    else if (this.output > MAX_MACRO_OUTPUT_TOKENS)
      this.problem = `a macro expands to more than ${MAX_MACRO_OUTPUT_TOKENS} tokens`;
    else if (this.steps + this.output > this.allowance) this.stopSpent();
    return this.problem !== null;
  }
  stopSpent() {
    this.spent = true;
    this.problem = this.opts.budget.stop("MAX_REVISION_EVAL_STEPS").message;
  }
  /** Appends an expansion (its first token spaced like the macro name was), within the output bound. */
  append(out2, r, ws) {
    this.output += r.length;
    if (out2.length + r.length > MAX_MACRO_OUTPUT_TOKENS || this.output > MAX_MACRO_OUTPUT_TOKENS * 8) {
      this.problem ??= `a macro expands to more than ${MAX_MACRO_OUTPUT_TOKENS} tokens`;
      return false;
    }
    if (this.steps + this.output > this.allowance) {
      if (!this.problem) this.stopSpent();
      return false;
    }
    for (let n = 0; n < r.length; n++) out2.push(n === 0 ? { ...r[n], ws } : r[n]);
    return true;
  }
  /** Expands `toks`; `off` holds the macros being expanded around them (not expanded again). */
  expand(toks, off, depth) {
    if (depth > MAX_EVAL_DEPTH) {
      this.problem ??= `macros nested more than ${MAX_EVAL_DEPTH} deep`;
      return null;
    }
    const out2 = [];
    for (let i2 = 0; i2 < toks.length; i2++) {
      if (this.over()) return null;
      const k = toks[i2];
      const def = k.id && !off.has(k.t) && !this.opts.keep?.has(k.t) ? this.macros.get(k.t) : void 0;
      if (!def) {
        out2.push(k);
        continue;
      }
      let r;
      if (def.params === null) {
        this.opts.onMacro?.(def.name);
        const body2 = lex(def.body) ?? [];
        r = this.expand(body2, /* @__PURE__ */ new Set([...off, def.name]), depth + 1);
      } else {
        const call = toks[i2 + 1]?.t === "(" ? collectArgs(toks, i2 + 1) : null;
        if (!call) {
          out2.push(k);
          continue;
        }
        r = this.call(def, call.args, off, depth);
        i2 = call.end;
      }
      let ws = k.ws;
      for (let name2 = def.name; r; ) {
        const last = r[r.length - 1];
        const callee = last?.id && last.t !== name2 && toks[i2 + 1]?.t === "(" && !off.has(last.t) && !this.opts.keep?.has(last.t) ? this.macros.get(last.t) : void 0;
        const call = callee?.params ? collectArgs(toks, i2 + 1) : null;
        if (!call || this.over()) break;
        if (!this.append(out2, r.slice(0, -1), ws)) return null;
        if (r.length > 1) ws = last.ws;
        name2 = callee.name;
        r = this.call(callee, call.args, off, depth);
        i2 = call.end;
      }
      if (!r || this.problem || !this.append(out2, r, ws)) return null;
    }
    return out2;
  }
  /** A function-like macro called with `args`, expanded (memoised by its arguments). */
  call(def, args2, off, depth) {
    this.opts.onMacro?.(def.name);
    const key = `${def.name}(${args2.map(join).join("\0")})|${[...off].sort().join(",")}`;
    let r = this.calls.get(key);
    if (r === void 0) {
      const substituted = this.substitute(def, args2, off, depth);
      r = substituted && this.expand(substituted, /* @__PURE__ */ new Set([...off, def.name]), depth + 1);
      this.calls.set(key, r);
    }
    return r;
  }
  /** The body with each parameter replaced: stringified after `#`, unexpanded next to `##`, else expanded. */
  substitute(def, args2, off, depth) {
    const params = def.params;
    const variadic = params.length > 0 && params[params.length - 1].endsWith("...");
    const names2 = params.map((p) => p === "..." ? "__VA_ARGS__" : p.endsWith("...") ? p.slice(0, -3) : p);
    const actual = variadic && args2.length > names2.length ? [...args2.slice(0, names2.length - 1), joinArgs(args2.slice(names2.length - 1))] : args2;
    const body2 = lex(def.body) ?? [];
    const expanded2 = /* @__PURE__ */ new Map();
    const argOf = (name2) => names2.indexOf(name2);
    const out2 = [];
    for (let j = 0; j < body2.length; j++) {
      const k = body2[j];
      if (k.t === "#" && body2[j + 1]?.id && argOf(body2[j + 1].t) >= 0) {
        const a = actual[argOf(body2[j + 1].t)] ?? [];
        out2.push({ t: JSON.stringify(join(a)), id: false, ws: k.ws });
        j++;
        continue;
      }
      const p = k.id ? argOf(k.t) : -1;
      if (p < 0) {
        out2.push(k);
        continue;
      }
      const raw = actual[p] ?? [];
      const pasted = body2[j - 1]?.t === "##" || body2[j + 1]?.t === "##";
      if (!pasted && !expanded2.has(p)) expanded2.set(p, this.expand(raw, off, depth + 1));
      const e = pasted ? raw : expanded2.get(p);
      if (!e || !this.append(out2, e, k.ws)) return null;
    }
    return paste(out2);
  }
};
function paste(toks) {
  const out2 = [];
  for (let i2 = 0; i2 < toks.length; i2++) {
    const k = toks[i2];
    if (k.t === "##" && out2.length && toks[i2 + 1]) {
      const left = out2.pop();
      const glued = lex(left.t + toks[i2 + 1].t) ?? [];
      out2.push(...glued.map((g, n) => n === 0 ? { ...g, ws: left.ws } : g));
      i2++;
    } else out2.push(k);
  }
  return out2;
}
function joinArgs(args2) {
  return args2.flatMap((a, i2) => i2 ? [{ t: ",", id: false, ws: false }, ...a] : a);
}
function collectArgs(toks, open) {
  const args2 = [[]];
  let depth = 0;
  for (let i2 = open + 1; i2 < toks.length; i2++) {
    const t = toks[i2].t;
    if (t === "(") depth++;
    if (t === ")") {
      if (depth === 0) return { args: args2.length === 1 && !args2[0].length ? [] : args2, end: i2 };
      depth--;
    }
    if (t === "," && depth === 0) args2.push([]);
    else args2[args2.length - 1].push(toks[i2]);
  }
  return null;
}
function mentionsMacro(text2, macros, keep) {
  for (const m of text2.matchAll(/[A-Za-z_]\w*/g)) if (!keep?.has(m[0]) && macros.has(m[0])) return true;
  return false;
}
function expandMacros(text2, macros, opts = {}) {
  if (opts.budget && opts.budget.stepsLeft <= 0)
    return { problem: opts.budget.stop("MAX_REVISION_EVAL_STEPS").message, spent: true };
  const toks = lex(text2);
  if (!toks) return { problem: "text that is not C tokens" };
  const e = new Expander(macros, opts);
  const out2 = e.expand(toks, /* @__PURE__ */ new Set(), 0);
  opts.budget?.chargeSteps(e.work);
  if (out2) return { text: join(out2) };
  return e.spent ? { problem: e.problem, spent: true } : { problem: e.problem ?? "a macro expansion that does not end" };
}

// src/parse/budget.ts
var WorkBudget = class {
  constructor(maxParseMs = MAX_REVISION_PARSE_MS, maxSteps = MAX_REVISION_EVAL_STEPS) {
    this.maxParseMs = maxParseMs;
    this.maxSteps = maxSteps;
  }
  maxParseMs;
  maxSteps;
  /** Milliseconds spent parsing so far. */
  parseMs = 0;
  /** Steps of macro expansion and constant expressions so far (tokens read, tokens produced, macros expanded). */
  steps = 0;
  /** The limits that ran out. */
  spent = /* @__PURE__ */ new Set();
  /** How many times work was stopped: a memo keeps a result only when this did not change while it was computed. */
  stops = 0;
  /** Milliseconds of parsing left (0 when spent). */
  get parseLeft() {
    return Math.max(0, this.maxParseMs - this.parseMs);
  }
  /** Steps left (0 when spent). */
  get stepsLeft() {
    return Math.max(0, this.maxSteps - this.steps);
  }
  chargeParse(ms) {
    this.parseMs += ms;
  }
  chargeSteps(steps) {
    this.steps += steps;
  }
  /** Records that `limit` stopped some work; the error says which. */
  stop(limit) {
    this.spent.add(limit);
    this.stops++;
    return new BudgetSpent(this, limit);
  }
};
function describeLimit(budget, limit) {
  return limit === "MAX_REVISION_PARSE_MS" ? `the parsing time one revision may take (MAX_REVISION_PARSE_MS, ${budget.maxParseMs} ms) is spent` : `the macro expansion and constant expressions one revision may compute (MAX_REVISION_EVAL_STEPS, ${budget.maxSteps} steps) are spent`;
}
var BudgetSpent = class extends Error {
  constructor(budget, limit) {
    super(describeLimit(budget, limit));
    this.budget = budget;
    this.limit = limit;
  }
  budget;
  limit;
};

// src/parse/conditions.ts
var KERNEL_MAX = 0x7fffffffn;
var KERNEL_VERSION = {
  name: "KERNEL_VERSION",
  params: ["a", "b", "c"],
  body: "(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))"
};
function describeKernel(v) {
  const n = Number(v);
  return `${n >> 16}.${n >> 8 & 255}.${n & 255}`;
}
var Layer = class {
  /** 2: defined, 0: undefined (after `#undef`), 1: maybe. */
  status = /* @__PURE__ */ new Map();
  /** The definition of a macro certainly defined by one `#define`, or the definitions a maybe-defined one may have. */
  defs = /* @__PURE__ */ new Map();
};
function answerOf(config, name2) {
  if (config.kernel && (name2 === "LINUX_VERSION_CODE" || name2 === "KERNEL_VERSION")) return "kver";
  if (Object.hasOwn(config.defines, name2)) return `def:${config.defines[name2]}`;
  if (DEFINED_VALUE_UNKNOWN.has(name2)) return "set";
  return isExternal(name2, config) ? "ext" : "undef";
}
var answers = /* @__PURE__ */ new Map();
function answersFor(name2) {
  let a = answers.get(name2);
  if (a === void 0) {
    const all = CONFIGS.map((c) => answerOf(c, name2));
    a = all.every((x) => x === all[0]) ? all[0] : all;
    if (answers.size >= MEMO_ENTRIES) answers.clear();
    answers.set(name2, a);
  }
  return a;
}
function configAnswer(config, name2) {
  const a = answersFor(name2);
  return typeof a === "string" ? a : a[config.index];
}
var defsText = /* @__PURE__ */ new WeakMap();
function signature(f) {
  if (f.answer !== void 0) return f.answer;
  if (!f.defs) return `${f.status}:`;
  let text2 = defsText.get(f.defs);
  if (text2 === void 0) defsText.set(f.defs, text2 = JSON.stringify(f.defs));
  return `${f.status}:${text2}`;
}
var testMemo = /* @__PURE__ */ new Map();
var MEMO_PER_CONDITION = 16;
var Env = class {
  constructor(config, minKernel, hasInclude, budget) {
    this.config = config;
    this.minKernel = minKernel;
    this.hasInclude = hasInclude;
    this.budget = budget;
    this.kernel = minKernel;
  }
  config;
  minKernel;
  hasInclude;
  budget;
  layers = [new Layer()];
  /** Header walks in progress: the layer they start at and the inputs they have read so far. */
  recorders = [];
  /** Set when a condition looked at LINUX_VERSION_CODE. */
  usedKernel = false;
  /** The names the configuration answered that other configurations answer otherwise: what the walk depends on. */
  asked = /* @__PURE__ */ new Map();
  /** Kernel version the next evaluation sees (kernel builds). */
  kernel;
  find(name2) {
    for (let i2 = this.layers.length - 1; i2 >= 0; i2--) {
      const l = this.layers[i2];
      const s = l.status.get(name2);
      if (s === void 0) continue;
      const defs = l.defs.get(name2);
      return { status: s, defs, at: i2 };
    }
    const all = answersFor(name2);
    const answer = typeof all === "string" ? all : all[this.config.index];
    if (typeof all !== "string" && !this.asked.has(name2)) this.asked.set(name2, answer);
    if (answer === "kver") {
      if (name2 === "KERNEL_VERSION") return { status: 2, defs: KERNEL_VERSION, at: -1, answer };
      this.usedKernel = true;
      return { status: 2, defs: { name: name2, params: null, body: String(this.kernel) }, at: -1, answer };
    }
    if (answer.startsWith("def:"))
      return { status: 2, defs: { name: name2, params: null, body: answer.slice(4) }, at: -1, answer };
    if (answer === "set") return { status: 2, defs: void 0, at: -1, answer };
    return { status: answer === "ext" ? 1 : 0, defs: void 0, at: -1, answer };
  }
  /** The names the condition being evaluated looked up (see testMemo). */
  tracking = null;
  /** A lookup, recorded as an input of every header walk it reaches below. */
  lookup(name2) {
    const f = this.find(name2);
    for (const r of this.recorders) if (f.at < r.base && !r.inputs.has(name2)) r.inputs.set(name2, signature(f));
    if (this.tracking && !this.tracking.has(name2)) this.tracking.set(name2, signature(f));
    return f;
  }
  set(name2, status, defs) {
    const top = this.layers[this.layers.length - 1];
    top.status.set(name2, status);
    if (defs === void 0) top.defs.delete(name2);
    else top.defs.set(name2, defs);
  }
  /** The definitions a name may have now. */
  current(f) {
    return Array.isArray(f.defs) ? f.defs : f.defs ? [f.defs] : [];
  }
  define(def, status) {
    if (status === 2) {
      this.set(def.name, 2, def);
      return;
    }
    const prev = this.lookup(def.name);
    this.set(def.name, 1, prev.status === 0 ? [def] : [...this.current(prev), def]);
  }
  undef(name2, status) {
    if (status === 2) {
      this.set(name2, 0, void 0);
      return;
    }
    const prev = this.lookup(name2);
    if (prev.status !== 0) this.set(name2, 1, this.current(prev));
  }
  /** Starts an included header's walk: its effect goes to a layer of its own, its inputs are recorded. */
  beginHeader() {
    this.layers.push(new Layer());
    this.recorders.push({ base: this.layers.length - 1, inputs: /* @__PURE__ */ new Map() });
  }
  /** Ends it: the header's layer (from now on shared and never changed) and its inputs. */
  endHeader() {
    const r = this.recorders.pop();
    const layer = this.layers[r.base];
    for (const l of this.layers.splice(r.base + 1)) {
      for (const [k, v] of l.status) layer.status.set(k, v);
      for (const [k, v] of l.defs) layer.defs.set(k, v);
      for (const k of l.status.keys()) if (!l.defs.has(k)) layer.defs.delete(k);
    }
    this.layers.push(new Layer());
    return { layer, inputs: r.inputs };
  }
  /** Whether a header walk with these inputs would see the same now (the check records them for enclosing walks). */
  sameInputs(inputs) {
    for (const [name2, sig] of inputs) if (signature(this.lookup(name2)) !== sig) return false;
    return true;
  }
  /** Applies a header's recorded effect: its layer, shared, then a new layer for what follows. */
  apply(layer) {
    this.layers.push(layer, new Layer());
  }
  isDefined(name2) {
    const s = this.lookup(name2).status;
    return s === 2 ? true : s === 0 ? false : null;
  }
  /**
   * A macro use expanded with the macros in force (null when it cannot be), and whether a macro
   * of the tree it met may or may not be defined here (names only defined outside the tree, like
   * `pack`, are taken as undefined: the result is what the tree makes of them).
   */
  expand(text2) {
    let uncertain = false;
    const get = (name2) => {
      const f = this.lookup(name2);
      if (f.status === 1 && f.at >= 0) uncertain = true;
      return f.status === 2 && f.defs && !Array.isArray(f.defs) ? f.defs : void 0;
    };
    const e = expandMacros(text2, { get, has: (name2) => get(name2) !== void 0 }, { budget: this.budget });
    return "text" in e ? { text: e.text, uncertain } : { text: null, uncertain: true };
  }
  /** The symbol table a condition is evaluated with (macros only: the preprocessor knows no enumerators). */
  symbols() {
    const get = (name2) => {
      const f = this.lookup(name2);
      return f.status === 2 && f.defs && !Array.isArray(f.defs) ? f.defs : void 0;
    };
    return {
      macros: { get, has: (name2) => get(name2) !== void 0 },
      enumerators: /* @__PURE__ */ new Map(),
      isDefined: (name2) => this.isDefined(name2),
      identifier: (name2) => this.isDefined(name2) === false ? 0n : null,
      hasInclude: this.hasInclude,
      budget: this.budget
    };
  }
  /** A condition's truth in this configuration, over the supported kernel range. */
  test(condition) {
    const simple = /^(!?)defined\((\w+)\)$/.exec(condition);
    if (simple) {
      const d = this.isDefined(simple[2]);
      return d === null ? null : simple[1] ? !d : d;
    }
    const memoised = !condition.includes("__has_include");
    for (const e of memoised && testMemo.get(condition) || []) {
      if (e.minKernel !== null && e.minKernel !== this.minKernel) continue;
      let same = true;
      for (const [name2, sig] of e.inputs) {
        if (signature(this.lookup(name2)) !== sig) {
          same = false;
          break;
        }
      }
      if (same) return e.answer;
    }
    this.tracking = /* @__PURE__ */ new Map();
    const stops = this.budget?.stops;
    const answer = this.evaluateCondition(condition);
    if (memoised && this.budget?.stops === stops) {
      if (testMemo.size >= MEMO_ENTRIES) testMemo.clear();
      const list = testMemo.get(condition) ?? [];
      if (list.length >= MEMO_PER_CONDITION) list.shift();
      list.push({ inputs: this.tracking, minKernel: this.usedKernel ? this.minKernel : null, answer });
      testMemo.set(condition, list);
    }
    this.tracking = null;
    return answer;
  }
  evaluateCondition(condition) {
    this.usedKernel = false;
    this.kernel = this.minKernel;
    const seen = [];
    const first = evaluate(condition, { ...this.symbols(), onValue: (v) => seen.push(v) });
    if (!this.usedKernel) return first === null ? null : first !== 0n;
    const samples = /* @__PURE__ */ new Set([this.minKernel, KERNEL_MAX]);
    for (const v of seen) for (const x of [v - 1n, v, v + 1n]) if (x > this.minKernel && x < KERNEL_MAX) samples.add(x);
    let answer;
    for (const x of samples) {
      this.kernel = x;
      const v = evaluate(condition, this.symbols());
      const b = v === null ? null : v !== 0n;
      if (answer === void 0) answer = b;
      else if (answer !== b) return null;
    }
    return answer ?? null;
  }
};
function answersAlike(e, config) {
  if (!e.alikeFor[config.index]) {
    let alike = true;
    for (const [name2, answer] of e.asked) if (configAnswer(config, name2) !== answer) alike = false;
    e.alikeFor[config.index] = alike ? 2 : 1;
  }
  return e.alikeFor[config.index] === 2;
}
var WalkCache = class {
  generation = 0;
  headerMap = /* @__PURE__ */ new Map();
  fileMap = /* @__PURE__ */ new Map();
  /** Called once per revision: forgets what neither this revision nor the previous one used. */
  nextRevision() {
    this.generation++;
    for (const m of [this.headerMap, this.fileMap]) {
      for (const [k, v] of m) if (v.used < this.generation - 1) m.delete(k);
    }
  }
  /** Whether a cached walk's includes resolve as they did; asked once per revision (every configuration asks). */
  resolvesAlike(e, resolve2) {
    if (e.checkedIn !== this.generation) {
      e.checkedIn = this.generation;
      e.alike = resolveAlike(e.resolutions, resolve2);
    }
    return e.alike;
  }
  headers(d) {
    return this.slot(this.headerMap, d);
  }
  files(d) {
    return this.slot(this.fileMap, d);
  }
  slot(m, d) {
    let e = m.get(d);
    if (!e) m.set(d, e = { used: this.generation, list: [] });
    e.used = this.generation;
    return e.list;
  }
};
function usedKernelVersion(asked) {
  return asked.get("LINUX_VERSION_CODE") === "kver";
}
function resolveAlike(list, resolve2) {
  return list.every((x) => (resolve2(x.from, x.inc)?.directives ?? null) === x.to);
}
function packKey(p) {
  return `${p.cap}/${p.stack.join(",")}/${p.certain}`;
}
function clonePack(p) {
  return { cap: p.cap, stack: [...p.stack], certain: p.certain };
}
function min(a, b) {
  return a < b ? a : b;
}
function walkFile(path4, d, config, minKernel, resolve2, cache = new WalkCache(), budget) {
  const cached = cache.files(d);
  const hit = cached.find(
    (e) => (e.minKernel === minKernel || !usedKernelVersion(e.asked)) && answersAlike(e, config) && cache.resolvesAlike(e, resolve2)
  );
  if (hit) return hit.walk;
  const out2 = {
    branches: new Uint8Array(d.branches.length),
    macros: new Uint8Array(d.macros.length),
    packs: [],
    packedIncludes: [],
    replaced: [],
    problems: []
  };
  const resolutions = [];
  const hasInclude = (p, angled) => {
    const inc = { path: p, angled, line: 0, offset: 0, branch: -1 };
    const to = resolve2(path4, inc)?.directives ?? null;
    resolutions.push({ from: path4, inc, to });
    return to ? true : null;
  };
  const stops = budget?.stops;
  const w = {
    env: new Env(config, minKernel, hasInclude, budget),
    resolve: resolve2,
    budget: { files: 0 },
    problems: out2.problems,
    resolutions,
    cache,
    pack: { cap: 0, stack: [], certain: true },
    packedIncludes: out2.packedIncludes,
    cut: /* @__PURE__ */ new Set()
  };
  walkOps(path4, d, w, 2, out2, 0);
  if (budget && budget.stops !== stops) {
    out2.problems.push(
      `${describeLimit(budget, "MAX_REVISION_EVAL_STEPS")}, so which lines of ${[...w.cut.size ? w.cut : [path4]].join(", ")} the builds compile is not known`
    );
    return out2;
  }
  cached.push({ asked: w.env.asked, minKernel, resolutions, walk: out2, alikeFor: new Uint8Array(CONFIGS.length) });
  return out2;
}
function walkOps(path4, d, w, ambient, out2, depth) {
  const env = w.env;
  const frames = [];
  let status = ambient;
  const packed = (line, understood) => {
    if (!understood || status === 1) w.pack.certain = false;
    out2?.packs.push([line, w.pack.cap, w.pack.certain]);
  };
  const active = /* @__PURE__ */ new Map();
  const replace = (name2, by, redefined) => {
    const prev = active.get(name2);
    if (prev === void 0 || !out2) return;
    for (const i2 of prev) {
      out2.macros[i2] = 0;
      out2.replaced.push({ macro: i2, by, redefined });
    }
    active.delete(name2);
  };
  for (const op of d.ops) {
    switch (op.op) {
      case "branch": {
        const b = d.branches[op.branch];
        if (b.kind === "if" || b.kind === "ifdef" || b.kind === "ifndef") frames.push({ parent: status, taken: 0 });
        const frame = frames[frames.length - 1];
        let own = 0;
        if (frame.parent !== 0 && frame.taken !== 2) {
          const stops = env.budget?.stops;
          const v = b.kind === "else" ? true : env.test(b.test);
          if (env.budget?.stops !== stops) w.cut.add(path4);
          own = v === true ? 2 : v === false ? 0 : 1;
          if (frame.taken === 1 && own === 2) own = 1;
          frame.taken = v === true ? 2 : v === null || frame.taken === 1 ? 1 : 0;
        }
        status = min(frame.parent, own);
        if (out2) out2.branches[op.branch] = status;
        break;
      }
      case "endif":
        status = frames.pop()?.parent ?? ambient;
        break;
      case "define": {
        const def = d.macros[op.macro];
        if (out2) out2.macros[op.macro] = status;
        if (status === 2) {
          replace(def.name, def.line, true);
          active.set(def.name, [op.macro]);
        } else if (status === 1) active.set(def.name, [...active.get(def.name) ?? [], op.macro]);
        if (status) env.define(def, status);
        break;
      }
      case "undef":
        if (status === 2) replace(op.name, op.line, false);
        if (status) env.undef(op.name, status);
        break;
      case "include": {
        if (!status) break;
        const inc = d.includes[op.include];
        const target = w.resolve(path4, inc);
        w.resolutions.push({ from: path4, inc, to: target?.directives ?? null });
        if (!target) break;
        if (depth >= MAX_INCLUDE_DEPTH || ++w.budget.files > MAX_INCLUDED_FILES) {
          w.problems.push(
            `${path4}:${inc.line}: includes nested deeper than ${MAX_INCLUDE_DEPTH} or more than ${MAX_INCLUDED_FILES} files: not followed further`
          );
          break;
        }
        if (w.pack.cap || !w.pack.certain) w.packedIncludes.push(target.path);
        const before = packKey(w.pack);
        includeFile(target, w, status, depth);
        if (packKey(w.pack) !== before) packed(inc.line, true);
        break;
      }
      case "pack": {
        if (status) packed(op.line, applyPack(w.pack, op.args));
        break;
      }
      case "expand": {
        if (!status) break;
        if (op.unread) {
          if (env.isDefined(op.text) !== false) packed(op.line, false);
          break;
        }
        const stops = env.budget?.stops;
        const e = env.expand(op.text);
        if (env.budget?.stops !== stops) w.cut.add(path4);
        let understood = e.text !== null && !e.uncertain;
        const found = e.text === null ? [] : pragmaOperatorPacks(e.text);
        for (const args2 of found) understood = applyPack(w.pack, args2) && understood;
        if (found.length || !understood) packed(op.line, understood);
        break;
      }
      case "error":
        break;
    }
  }
}
function includeFile(target, w, status, depth) {
  const env = w.env;
  const list = w.cache.headers(target.directives);
  const packIn = packKey(w.pack);
  const hit = list.find(
    (e) => e.minKernel === env.minKernel && e.status === status && e.packIn === packIn && w.cache.resolvesAlike(e, w.resolve) && env.sameInputs(e.inputs)
  );
  if (hit) {
    env.apply(hit.layer);
    w.resolutions.push(...hit.resolutions);
    w.pack = clonePack(hit.packOut);
    w.packedIncludes.push(...hit.packedIncludes);
    return;
  }
  const before = w.resolutions.length;
  const packedBefore = w.packedIncludes.length;
  const stops = env.budget?.stops;
  env.beginHeader();
  walkOps(target.path, target.directives, w, status, null, depth + 1);
  const { layer, inputs } = env.endHeader();
  if (env.budget?.stops !== stops) return;
  list.push({
    minKernel: env.minKernel,
    inputs,
    resolutions: w.resolutions.slice(before),
    layer,
    status,
    packIn,
    packOut: clonePack(w.pack),
    packedIncludes: w.packedIncludes.slice(packedBefore)
  });
}
function minimumKernel(files, config) {
  let lowest = 0n;
  for (const { directives: d } of files) {
    for (const op of d.ops) {
      if (op.op !== "error" || op.branch < 0) continue;
      const b = d.branches[op.branch];
      const parent = b.parent >= 0 ? d.branches[b.parent] : null;
      if (parent && !parent.includeGuard) continue;
      const env = new Env(config, 0n, () => null);
      const seen = [];
      env.usedKernel = false;
      evaluate(b.condition, { ...env.symbols(), onValue: (v) => seen.push(v) });
      if (!env.usedKernel) continue;
      const candidates = [.../* @__PURE__ */ new Set([0n, ...seen.filter((v) => v > 0n && v < KERNEL_MAX)])].sort(
        (x, y) => x < y ? -1 : 1
      );
      for (const k of candidates) {
        const e = new Env(config, k, () => null);
        if (e.test(b.condition) === false) {
          if (k > lowest) lowest = k;
          break;
        }
      }
    }
  }
  return lowest;
}

// src/parse/parser.ts
import { existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import path2 from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/web-tree-sitter/web-tree-sitter.js
var __defProp2 = Object.defineProperty;
var __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await import("fs/promises");
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName2 = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName2) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName2]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};
async function Module2(moduleArg = {}) {
  var moduleRtn;
  var Module = moduleArg;
  var ENVIRONMENT_IS_WEB = typeof window == "object";
  var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
  var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    const { createRequire: createRequire2 } = await import("module");
    var require = createRequire2(import.meta.url);
  }
  Module.currentQueryProgressCallback = null;
  Module.currentProgressCallback = null;
  Module.currentLogCallback = null;
  Module.currentParseCallback = null;
  var arguments_ = [];
  var thisProgram = "./this.program";
  var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
    throw toThrow;
  }, "quit_");
  var _scriptName = import.meta.url;
  var scriptDirectory = "";
  function locateFile(path4) {
    if (Module["locateFile"]) {
      return Module["locateFile"](path4, scriptDirectory);
    }
    return scriptDirectory + path4;
  }
  __name(locateFile, "locateFile");
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("fs");
    if (_scriptName.startsWith("file:")) {
      scriptDirectory = require("path").dirname(require("url").fileURLToPath(_scriptName)) + "/";
    }
    readBinary = /* @__PURE__ */ __name((filename) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename);
      return ret;
    }, "readBinary");
    readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
      return ret;
    }, "readAsync");
    if (process.argv.length > 1) {
      thisProgram = process.argv[1].replace(/\\/g, "/");
    }
    arguments_ = process.argv.slice(2);
    quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      process.exitCode = status;
      throw toThrow;
    }, "quit_");
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    {
      if (ENVIRONMENT_IS_WORKER) {
        readBinary = /* @__PURE__ */ __name((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.responseType = "arraybuffer";
          xhr.send(null);
          return new Uint8Array(
            /** @type{!ArrayBuffer} */
            xhr.response
          );
        }, "readBinary");
      }
      readAsync = /* @__PURE__ */ __name(async (url) => {
        if (isFileURI(url)) {
          return new Promise((resolve2, reject) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, true);
            xhr.responseType = "arraybuffer";
            xhr.onload = () => {
              if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                resolve2(xhr.response);
                return;
              }
              reject(xhr.status);
            };
            xhr.onerror = reject;
            xhr.send(null);
          });
        }
        var response = await fetch(url, {
          credentials: "same-origin"
        });
        if (response.ok) {
          return response.arrayBuffer();
        }
        throw new Error(response.status + " : " + response.url);
      }, "readAsync");
    }
  } else {
  }
  var out = console.log.bind(console);
  var err = console.error.bind(console);
  var dynamicLibraries = [];
  var wasmBinary;
  var ABORT = false;
  var EXITSTATUS;
  var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
  var readyPromiseResolve, readyPromiseReject;
  var wasmMemory;
  var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
  var HEAP64, HEAPU64;
  var HEAP_DATA_VIEW;
  var runtimeInitialized = false;
  function updateMemoryViews() {
    var b = wasmMemory.buffer;
    Module["HEAP8"] = HEAP8 = new Int8Array(b);
    Module["HEAP16"] = HEAP16 = new Int16Array(b);
    Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
    Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
    Module["HEAP32"] = HEAP32 = new Int32Array(b);
    Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
    Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
    Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
    Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
    Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
    LE_HEAP_UPDATE();
  }
  __name(updateMemoryViews, "updateMemoryViews");
  function initMemory() {
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
  }
  __name(initMemory, "initMemory");
  var __RELOC_FUNCS__ = [];
  function preRun() {
    if (Module["preRun"]) {
      if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
      while (Module["preRun"].length) {
        addOnPreRun(Module["preRun"].shift());
      }
    }
    callRuntimeCallbacks(onPreRuns);
  }
  __name(preRun, "preRun");
  function initRuntime() {
    runtimeInitialized = true;
    callRuntimeCallbacks(__RELOC_FUNCS__);
    wasmExports["__wasm_call_ctors"]();
    callRuntimeCallbacks(onPostCtors);
  }
  __name(initRuntime, "initRuntime");
  function preMain() {
  }
  __name(preMain, "preMain");
  function postRun() {
    if (Module["postRun"]) {
      if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
      while (Module["postRun"].length) {
        addOnPostRun(Module["postRun"].shift());
      }
    }
    callRuntimeCallbacks(onPostRuns);
  }
  __name(postRun, "postRun");
  function abort(what) {
    Module["onAbort"]?.(what);
    what = "Aborted(" + what + ")";
    err(what);
    ABORT = true;
    what += ". Build with -sASSERTIONS for more info.";
    var e = new WebAssembly.RuntimeError(what);
    readyPromiseReject?.(e);
    throw e;
  }
  __name(abort, "abort");
  var wasmBinaryFile;
  function findWasmBinary() {
    if (Module["locateFile"]) {
      return locateFile("web-tree-sitter.wasm");
    }
    return new URL("web-tree-sitter.wasm", import.meta.url).href;
  }
  __name(findWasmBinary, "findWasmBinary");
  function getBinarySync(file) {
    if (file == wasmBinaryFile && wasmBinary) {
      return new Uint8Array(wasmBinary);
    }
    if (readBinary) {
      return readBinary(file);
    }
    throw "both async and sync fetching of the wasm failed";
  }
  __name(getBinarySync, "getBinarySync");
  async function getWasmBinary(binaryFile) {
    if (!wasmBinary) {
      try {
        var response = await readAsync(binaryFile);
        return new Uint8Array(response);
      } catch {
      }
    }
    return getBinarySync(binaryFile);
  }
  __name(getWasmBinary, "getWasmBinary");
  async function instantiateArrayBuffer(binaryFile, imports) {
    try {
      var binary2 = await getWasmBinary(binaryFile);
      var instance2 = await WebAssembly.instantiate(binary2, imports);
      return instance2;
    } catch (reason) {
      err(`failed to asynchronously prepare wasm: ${reason}`);
      abort(reason);
    }
  }
  __name(instantiateArrayBuffer, "instantiateArrayBuffer");
  async function instantiateAsync(binary2, binaryFile, imports) {
    if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
      try {
        var response = fetch(binaryFile, {
          credentials: "same-origin"
        });
        var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
        return instantiationResult;
      } catch (reason) {
        err(`wasm streaming compile failed: ${reason}`);
        err("falling back to ArrayBuffer instantiation");
      }
    }
    return instantiateArrayBuffer(binaryFile, imports);
  }
  __name(instantiateAsync, "instantiateAsync");
  function getWasmImports() {
    return {
      "env": wasmImports,
      "wasi_snapshot_preview1": wasmImports,
      "GOT.mem": new Proxy(wasmImports, GOTHandler),
      "GOT.func": new Proxy(wasmImports, GOTHandler)
    };
  }
  __name(getWasmImports, "getWasmImports");
  async function createWasm() {
    function receiveInstance(instance2, module2) {
      wasmExports = instance2.exports;
      wasmExports = relocateExports(wasmExports, 1024);
      var metadata2 = getDylinkMetadata(module2);
      if (metadata2.neededDynlibs) {
        dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
      }
      mergeLibSymbols(wasmExports, "main");
      LDSO.init();
      loadDylibs();
      __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
      assignWasmExports(wasmExports);
      return wasmExports;
    }
    __name(receiveInstance, "receiveInstance");
    function receiveInstantiationResult(result2) {
      return receiveInstance(result2["instance"], result2["module"]);
    }
    __name(receiveInstantiationResult, "receiveInstantiationResult");
    var info2 = getWasmImports();
    if (Module["instantiateWasm"]) {
      return new Promise((resolve2, reject) => {
        Module["instantiateWasm"](info2, (mod, inst) => {
          resolve2(receiveInstance(mod, inst));
        });
      });
    }
    wasmBinaryFile ??= findWasmBinary();
    var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
    var exports = receiveInstantiationResult(result);
    return exports;
  }
  __name(createWasm, "createWasm");
  class ExitStatus {
    static {
      __name(this, "ExitStatus");
    }
    name = "ExitStatus";
    constructor(status) {
      this.message = `Program terminated with exit(${status})`;
      this.status = status;
    }
  }
  var GOT = {};
  var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
  var GOTHandler = {
    get(obj, symName) {
      var rtn = GOT[symName];
      if (!rtn) {
        rtn = GOT[symName] = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
      }
      if (!currentModuleWeakSymbols.has(symName)) {
        rtn.required = true;
      }
      return rtn;
    }
  };
  var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
  var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
  var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
  var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
  var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
  var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
  var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
  var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
  var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
  var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
  var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
  var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
  var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
  var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
    while (callbacks.length > 0) {
      callbacks.shift()(Module);
    }
  }, "callRuntimeCallbacks");
  var onPostRuns = [];
  var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
  var onPreRuns = [];
  var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
  var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
  var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
    var maxIdx = idx + maxBytesToRead;
    if (ignoreNul) return maxIdx;
    while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
    return idx;
  }, "findStringEnd");
  var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
    var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
    if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
      return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
    }
    var str = "";
    while (idx < endPtr) {
      var u0 = heapOrArray[idx++];
      if (!(u0 & 128)) {
        str += String.fromCharCode(u0);
        continue;
      }
      var u1 = heapOrArray[idx++] & 63;
      if ((u0 & 224) == 192) {
        str += String.fromCharCode((u0 & 31) << 6 | u1);
        continue;
      }
      var u2 = heapOrArray[idx++] & 63;
      if ((u0 & 240) == 224) {
        u0 = (u0 & 15) << 12 | u1 << 6 | u2;
      } else {
        u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
      }
      if (u0 < 65536) {
        str += String.fromCharCode(u0);
      } else {
        var ch = u0 - 65536;
        str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
      }
    }
    return str;
  }, "UTF8ArrayToString");
  var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
    var offset = 0;
    var end = 0;
    function getU8() {
      return binary2[offset++];
    }
    __name(getU8, "getU8");
    function getLEB() {
      var ret = 0;
      var mul = 1;
      while (1) {
        var byte = binary2[offset++];
        ret += (byte & 127) * mul;
        mul *= 128;
        if (!(byte & 128)) break;
      }
      return ret;
    }
    __name(getLEB, "getLEB");
    function getString() {
      var len = getLEB();
      offset += len;
      return UTF8ArrayToString(binary2, offset - len, len);
    }
    __name(getString, "getString");
    function getStringList() {
      var count2 = getLEB();
      var rtn = [];
      while (count2--) rtn.push(getString());
      return rtn;
    }
    __name(getStringList, "getStringList");
    function failIf(condition, message) {
      if (condition) throw new Error(message);
    }
    __name(failIf, "failIf");
    if (binary2 instanceof WebAssembly.Module) {
      var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
      failIf(dylinkSection.length === 0, "need dylink section");
      binary2 = new Uint8Array(dylinkSection[0]);
      end = binary2.length;
    } else {
      var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
      var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
      failIf(!magicNumberFound, "need to see wasm magic number");
      failIf(binary2[8] !== 0, "need the dylink section to be first");
      offset = 9;
      var section_size = getLEB();
      end = offset + section_size;
      var name2 = getString();
      failIf(name2 !== "dylink.0");
    }
    var customSection = {
      neededDynlibs: [],
      tlsExports: /* @__PURE__ */ new Set(),
      weakImports: /* @__PURE__ */ new Set(),
      runtimePaths: []
    };
    var WASM_DYLINK_MEM_INFO = 1;
    var WASM_DYLINK_NEEDED = 2;
    var WASM_DYLINK_EXPORT_INFO = 3;
    var WASM_DYLINK_IMPORT_INFO = 4;
    var WASM_DYLINK_RUNTIME_PATH = 5;
    var WASM_SYMBOL_TLS = 256;
    var WASM_SYMBOL_BINDING_MASK = 3;
    var WASM_SYMBOL_BINDING_WEAK = 1;
    while (offset < end) {
      var subsectionType = getU8();
      var subsectionSize = getLEB();
      if (subsectionType === WASM_DYLINK_MEM_INFO) {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
      } else if (subsectionType === WASM_DYLINK_NEEDED) {
        customSection.neededDynlibs = getStringList();
      } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var symname = getString();
          var flags2 = getLEB();
          if (flags2 & WASM_SYMBOL_TLS) {
            customSection.tlsExports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var modname = getString();
          var symname = getString();
          var flags2 = getLEB();
          if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
            customSection.weakImports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
        customSection.runtimePaths = getStringList();
      } else {
        offset += subsectionSize;
      }
    }
    return customSection;
  }, "getDylinkMetadata");
  function getValue(ptr, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        return HEAP8[ptr];
      case "i8":
        return HEAP8[ptr];
      case "i16":
        return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
      case "i32":
        return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
      case "i64":
        return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
      case "float":
        return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
      case "double":
        return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
      case "*":
        return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
      default:
        abort(`invalid type for getValue: ${type}`);
    }
  }
  __name(getValue, "getValue");
  var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
    var dso = {
      refcount: Infinity,
      name: name2,
      exports: syms,
      global: true
    };
    LDSO.loadedLibsByName[name2] = dso;
    if (handle2 != void 0) {
      LDSO.loadedLibsByHandle[handle2] = dso;
    }
    return dso;
  }, "newDSO");
  var LDSO = {
    loadedLibsByName: {},
    loadedLibsByHandle: {},
    init() {
      newDSO("__main__", 0, wasmImports);
    }
  };
  var ___heap_base = 82240;
  var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
  var getMemory = /* @__PURE__ */ __name((size) => {
    if (runtimeInitialized) {
      return _calloc(size, 1);
    }
    var ret = ___heap_base;
    var end = ret + alignMemory(size, 16);
    ___heap_base = end;
    GOT["__heap_base"].value = end;
    return ret;
  }, "getMemory");
  var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
  var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
    const n = arr.length;
    return [n % 128 | 128, n >> 7, ...arr];
  }, "uleb128EncodeWithLen");
  var wasmTypeCodes = {
    "i": 127,
    // i32
    "p": 127,
    // i32
    "j": 126,
    // i64
    "f": 125,
    // f32
    "d": 124,
    // f64
    "e": 111
  };
  var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
    var code = wasmTypeCodes[type];
    return code;
  })), "generateTypePack");
  var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
    var bytes = Uint8Array.of(
      0,
      97,
      115,
      109,
      // magic ("\0asm")
      1,
      0,
      0,
      0,
      // version: 1
      1,
      ...uleb128EncodeWithLen([
        1,
        // count: 1
        96,
        // param types
        ...generateTypePack(sig.slice(1)),
        // return types (for now only supporting [] if `void` and single [T] otherwise)
        ...generateTypePack(sig[0] === "v" ? "" : sig[0])
      ]),
      // The rest of the module is static
      2,
      7,
      // import section
      // (import "e" "f" (func 0 (type 0)))
      1,
      1,
      101,
      1,
      102,
      0,
      0,
      7,
      5,
      // export section
      // (export "f" (func 0 (type 0)))
      1,
      1,
      102,
      0,
      0
    );
    var module2 = new WebAssembly.Module(bytes);
    var instance2 = new WebAssembly.Instance(module2, {
      "e": {
        "f": func2
      }
    });
    var wrappedFunc = instance2.exports["f"];
    return wrappedFunc;
  }, "convertJsFunctionToWasm");
  var wasmTableMirror = [];
  var wasmTable = new WebAssembly.Table({
    "initial": 31,
    "element": "anyfunc"
  });
  var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
    var func2 = wasmTableMirror[funcPtr];
    if (!func2) {
      wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
    }
    return func2;
  }, "getWasmTableEntry");
  var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
    if (functionsInTableMap) {
      for (var i2 = offset; i2 < offset + count; i2++) {
        var item = getWasmTableEntry(i2);
        if (item) {
          functionsInTableMap.set(item, i2);
        }
      }
    }
  }, "updateTableMap");
  var functionsInTableMap;
  var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
    if (!functionsInTableMap) {
      functionsInTableMap = /* @__PURE__ */ new WeakMap();
      updateTableMap(0, wasmTable.length);
    }
    return functionsInTableMap.get(func2) || 0;
  }, "getFunctionAddress");
  var freeTableIndexes = [];
  var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
    if (freeTableIndexes.length) {
      return freeTableIndexes.pop();
    }
    return wasmTable["grow"](1);
  }, "getEmptyTableSlot");
  var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
    wasmTable.set(idx, func2);
    wasmTableMirror[idx] = wasmTable.get(idx);
  }, "setWasmTableEntry");
  var addFunction = /* @__PURE__ */ __name((func2, sig) => {
    var rtn = getFunctionAddress(func2);
    if (rtn) {
      return rtn;
    }
    var ret = getEmptyTableSlot();
    try {
      setWasmTableEntry(ret, func2);
    } catch (err2) {
      if (!(err2 instanceof TypeError)) {
        throw err2;
      }
      var wrapped = convertJsFunctionToWasm(func2, sig);
      setWasmTableEntry(ret, wrapped);
    }
    functionsInTableMap.set(func2, ret);
    return ret;
  }, "addFunction");
  var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
    for (var symName in exports) {
      if (isInternalSym(symName)) {
        continue;
      }
      var value = exports[symName];
      GOT[symName] ||= new WebAssembly.Global({
        "value": "i32",
        "mutable": true
      });
      if (replace || GOT[symName].value == 0) {
        if (typeof value == "function") {
          GOT[symName].value = addFunction(value);
        } else if (typeof value == "number") {
          GOT[symName].value = value;
        } else {
          err(`unhandled export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "updateGOT");
  var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
    var relocated = {};
    for (var e in exports) {
      var value = exports[e];
      if (typeof value == "object") {
        value = value.value;
      }
      if (typeof value == "number") {
        value += memoryBase2;
      }
      relocated[e] = value;
    }
    updateGOT(relocated, replace);
    return relocated;
  }, "relocateExports");
  var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
    var existing = wasmImports[symName];
    if (!existing || existing.stub) {
      return false;
    }
    return true;
  }, "isSymbolDefined");
  var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
    var func2 = getWasmTableEntry(ptr);
    var rtn = func2(...args2);
    function convert2(rtn2) {
      return rtn2;
    }
    __name(convert2, "convert");
    return convert2(rtn);
  }, "dynCall");
  var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
  var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
  var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
    var sp = stackSave();
    try {
      return dynCall(sig, ptr, args2);
    } catch (e) {
      stackRestore(sp);
      if (e !== e + 0) throw e;
      _setThrew(1, 0);
      if (sig[0] == "j") return 0n;
    }
  }, "createInvokeFunction");
  var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
    var sym;
    if (isSymbolDefined(symName)) {
      sym = wasmImports[symName];
    } else if (symName.startsWith("invoke_")) {
      sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
    }
    return {
      sym,
      name: symName
    };
  }, "resolveGlobalSymbol");
  var onPostCtors = [];
  var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
  var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
  var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign);
      var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
      var tableBase = metadata.tableSize ? wasmTable.length : 0;
      if (handle) {
        HEAP8[handle + 8] = 1;
        LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
        LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
        LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
        LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
      }
      if (metadata.tableSize) {
        wasmTable.grow(metadata.tableSize);
      }
      var moduleExports;
      function resolveSymbol(sym) {
        var resolved = resolveGlobalSymbol(sym).sym;
        if (!resolved && localScope) {
          resolved = localScope[sym];
        }
        if (!resolved) {
          resolved = moduleExports[sym];
        }
        return resolved;
      }
      __name(resolveSymbol, "resolveSymbol");
      var proxyHandler = {
        get(stubs, prop) {
          switch (prop) {
            case "__memory_base":
              return memoryBase;
            case "__table_base":
              return tableBase;
          }
          if (prop in wasmImports && !wasmImports[prop].stub) {
            var res = wasmImports[prop];
            return res;
          }
          if (!(prop in stubs)) {
            var resolved;
            stubs[prop] = (...args2) => {
              resolved ||= resolveSymbol(prop);
              return resolved(...args2);
            };
          }
          return stubs[prop];
        }
      };
      var proxy = new Proxy({}, proxyHandler);
      currentModuleWeakSymbols = metadata.weakImports;
      var info = {
        "GOT.mem": new Proxy({}, GOTHandler),
        "GOT.func": new Proxy({}, GOTHandler),
        "env": proxy,
        "wasi_snapshot_preview1": proxy
      };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize);
        moduleExports = relocateExports(instance.exports, memoryBase);
        if (!flags.allowUndefined) {
          reportUndefinedSymbols();
        }
        function addEmAsm(addr, body) {
          var args = [];
          var arity = 0;
          for (; arity < 16; arity++) {
            if (body.indexOf("$" + arity) != -1) {
              args.push("$" + arity);
            } else {
              break;
            }
          }
          args = args.join(",");
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        __name(addEmAsm, "addEmAsm");
        if ("__start_em_asm" in moduleExports) {
          var start = moduleExports["__start_em_asm"];
          var stop = moduleExports["__stop_em_asm"];
          while (start < stop) {
            var jsString = UTF8ToString(start);
            addEmAsm(start, jsString);
            start = HEAPU8.indexOf(0, start) + 1;
          }
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          cSig = cSig.slice(1, -1);
          if (cSig != "void") {
            cSig = cSig.split(",");
            for (var i in cSig) {
              var jsArg = cSig[i].split(" ").pop();
              jsArgs.push(jsArg.replace("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        __name(addEmJs, "addEmJs");
        for (var name in moduleExports) {
          if (name.startsWith("__em_js__")) {
            var start = moduleExports[name];
            var jsString = UTF8ToString(start);
            var parts = jsString.split("<::>");
            addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
            delete moduleExports[name];
          }
        }
        var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
        if (applyRelocs) {
          if (runtimeInitialized) {
            applyRelocs();
          } else {
            __RELOC_FUNCS__.push(applyRelocs);
          }
        }
        var init = moduleExports["__wasm_call_ctors"];
        if (init) {
          if (runtimeInitialized) {
            init();
          } else {
            addOnPostCtor(init);
          }
        }
        return moduleExports;
      }
      __name(postInstantiation, "postInstantiation");
      if (flags.loadAsync) {
        return (async () => {
          var instance2;
          if (binary instanceof WebAssembly.Module) {
            instance2 = new WebAssembly.Instance(binary, info);
          } else {
            ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
          }
          return postInstantiation(binary, instance2);
        })();
      }
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
      var instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    __name(loadModule, "loadModule");
    flags = {
      ...flags,
      rpath: {
        parentLibPath: libName,
        paths: metadata.runtimePaths
      }
    };
    if (flags.loadAsync) {
      return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
    }
    metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
    return loadModule();
  }, "loadWebAssemblyModule");
  var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
    for (var [sym, exp] of Object.entries(exports)) {
      const setImport = /* @__PURE__ */ __name((target) => {
        if (!isSymbolDefined(target)) {
          wasmImports[target] = exp;
        }
      }, "setImport");
      setImport(sym);
      const main_alias = "__main_argc_argv";
      if (sym == "main") {
        setImport(main_alias);
      }
      if (sym == main_alias) {
        setImport("main");
      }
    }
  }, "mergeLibSymbols");
  var asyncLoad = /* @__PURE__ */ __name(async (url) => {
    var arrayBuffer = await readAsync(url);
    return new Uint8Array(arrayBuffer);
  }, "asyncLoad");
  function loadDynamicLibrary(libName2, flags2 = {
    global: true,
    nodelete: true
  }, localScope2, handle2) {
    var dso = LDSO.loadedLibsByName[libName2];
    if (dso) {
      if (!flags2.global) {
        if (localScope2) {
          Object.assign(localScope2, dso.exports);
        }
      } else if (!dso.global) {
        dso.global = true;
        mergeLibSymbols(dso.exports, libName2);
      }
      if (flags2.nodelete && dso.refcount !== Infinity) {
        dso.refcount = Infinity;
      }
      dso.refcount++;
      if (handle2) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return flags2.loadAsync ? Promise.resolve(true) : true;
    }
    dso = newDSO(libName2, handle2, "loading");
    dso.refcount = flags2.nodelete ? Infinity : 1;
    dso.global = flags2.global;
    function loadLibData() {
      if (handle2) {
        var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
        var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
        if (data && dataSize) {
          var libData = HEAP8.slice(data, data + dataSize);
          return flags2.loadAsync ? Promise.resolve(libData) : libData;
        }
      }
      var libFile = locateFile(libName2);
      if (flags2.loadAsync) {
        return asyncLoad(libFile);
      }
      if (!readBinary) {
        throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
      }
      return readBinary(libFile);
    }
    __name(loadLibData, "loadLibData");
    function getExports() {
      if (flags2.loadAsync) {
        return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
      }
      return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
    }
    __name(getExports, "getExports");
    function moduleLoaded(exports) {
      if (dso.global) {
        mergeLibSymbols(exports, libName2);
      } else if (localScope2) {
        Object.assign(localScope2, exports);
      }
      dso.exports = exports;
    }
    __name(moduleLoaded, "moduleLoaded");
    if (flags2.loadAsync) {
      return getExports().then((exports) => {
        moduleLoaded(exports);
        return true;
      });
    }
    moduleLoaded(getExports());
    return true;
  }
  __name(loadDynamicLibrary, "loadDynamicLibrary");
  var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
    for (var [symName, entry] of Object.entries(GOT)) {
      if (entry.value == 0) {
        var value = resolveGlobalSymbol(symName, true).sym;
        if (!value && !entry.required) {
          continue;
        }
        if (typeof value == "function") {
          entry.value = addFunction(value, value.sig);
        } else if (typeof value == "number") {
          entry.value = value;
        } else {
          throw new Error(`bad export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "reportUndefinedSymbols");
  var runDependencies = 0;
  var dependenciesFulfilled = null;
  var removeRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies--;
    Module["monitorRunDependencies"]?.(runDependencies);
    if (runDependencies == 0) {
      if (dependenciesFulfilled) {
        var callback2 = dependenciesFulfilled;
        dependenciesFulfilled = null;
        callback2();
      }
    }
  }, "removeRunDependency");
  var addRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies++;
    Module["monitorRunDependencies"]?.(runDependencies);
  }, "addRunDependency");
  var loadDylibs = /* @__PURE__ */ __name(async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    addRunDependency("loadDylibs");
    for (var lib of dynamicLibraries) {
      await loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      });
    }
    reportUndefinedSymbols();
    removeRunDependency("loadDylibs");
  }, "loadDylibs");
  var noExitRuntime = true;
  function setValue(ptr, value, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        HEAP8[ptr] = value;
        break;
      case "i8":
        HEAP8[ptr] = value;
        break;
      case "i16":
        LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
        break;
      case "i32":
        LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
        break;
      case "i64":
        LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
        break;
      case "float":
        LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
        break;
      case "double":
        LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
        break;
      case "*":
        LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
        break;
      default:
        abort(`invalid type for setValue: ${type}`);
    }
  }
  __name(setValue, "setValue");
  var ___memory_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1024);
  var ___stack_high = 82240;
  var ___stack_low = 16704;
  var ___stack_pointer = new WebAssembly.Global({
    "value": "i32",
    "mutable": true
  }, 82240);
  var ___table_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1);
  var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
  __abort_js.sig = "v";
  var getHeapMax = /* @__PURE__ */ __name(() => (
    // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
    // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
    // for any code that deals with heap sizes, which would require special
    // casing all heap size related code to treat 0 specially.
    2147483648
  ), "getHeapMax");
  var growMemory = /* @__PURE__ */ __name((size) => {
    var oldHeapSize = wasmMemory.buffer.byteLength;
    var pages = (size - oldHeapSize + 65535) / 65536 | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      return 1;
    } catch (e) {
    }
  }, "growMemory");
  var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
    var oldSize = HEAPU8.length;
    requestedSize >>>= 0;
    var maxHeapSize = getHeapMax();
    if (requestedSize > maxHeapSize) {
      return false;
    }
    for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
      var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
      overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
      var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
      var replacement = growMemory(newSize);
      if (replacement) {
        return true;
      }
    }
    return false;
  }, "_emscripten_resize_heap");
  _emscripten_resize_heap.sig = "ip";
  var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
  _fd_close.sig = "ii";
  var INT53_MAX = 9007199254740992;
  var INT53_MIN = -9007199254740992;
  var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
  function _fd_seek(fd, offset, whence, newOffset) {
    offset = bigintToI53Checked(offset);
    return 70;
  }
  __name(_fd_seek, "_fd_seek");
  _fd_seek.sig = "iijip";
  var printCharBuffers = [null, [], []];
  var printChar = /* @__PURE__ */ __name((stream, curr) => {
    var buffer = printCharBuffers[stream];
    if (curr === 0 || curr === 10) {
      (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
      buffer.length = 0;
    } else {
      buffer.push(curr);
    }
  }, "printChar");
  var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
    var num = 0;
    for (var i2 = 0; i2 < iovcnt; i2++) {
      var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
      var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
      iov += 8;
      for (var j = 0; j < len; j++) {
        printChar(fd, HEAPU8[ptr + j]);
      }
      num += len;
    }
    LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
    return 0;
  }, "_fd_write");
  _fd_write.sig = "iippp";
  function _tree_sitter_log_callback(isLexMessage, messageAddress) {
    if (Module.currentLogCallback) {
      const message = UTF8ToString(messageAddress);
      Module.currentLogCallback(message, isLexMessage !== 0);
    }
  }
  __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
  function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
    const INPUT_BUFFER_SIZE = 10 * 1024;
    const string = Module.currentParseCallback(index, {
      row,
      column
    });
    if (typeof string === "string") {
      setValue(lengthAddress, string.length, "i32");
      stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
    } else {
      setValue(lengthAddress, 0, "i32");
    }
  }
  __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
  function _tree_sitter_progress_callback(currentOffset, hasError) {
    if (Module.currentProgressCallback) {
      return Module.currentProgressCallback({
        currentOffset,
        hasError
      });
    }
    return false;
  }
  __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
  function _tree_sitter_query_progress_callback(currentOffset) {
    if (Module.currentQueryProgressCallback) {
      return Module.currentQueryProgressCallback({
        currentOffset
      });
    }
    return false;
  }
  __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
  var runtimeKeepaliveCounter = 0;
  var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
  var _proc_exit = /* @__PURE__ */ __name((code) => {
    EXITSTATUS = code;
    if (!keepRuntimeAlive()) {
      Module["onExit"]?.(code);
      ABORT = true;
    }
    quit_(code, new ExitStatus(code));
  }, "_proc_exit");
  _proc_exit.sig = "vi";
  var exitJS = /* @__PURE__ */ __name((status, implicit) => {
    EXITSTATUS = status;
    _proc_exit(status);
  }, "exitJS");
  var handleException = /* @__PURE__ */ __name((e) => {
    if (e instanceof ExitStatus || e == "unwind") {
      return EXITSTATUS;
    }
    quit_(1, e);
  }, "handleException");
  var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
    var len = 0;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var c = str.charCodeAt(i2);
      if (c <= 127) {
        len++;
      } else if (c <= 2047) {
        len += 2;
      } else if (c >= 55296 && c <= 57343) {
        len += 4;
        ++i2;
      } else {
        len += 3;
      }
    }
    return len;
  }, "lengthBytesUTF8");
  var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
    if (!(maxBytesToWrite > 0)) return 0;
    var startIdx = outIdx;
    var endIdx = outIdx + maxBytesToWrite - 1;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var u = str.codePointAt(i2);
      if (u <= 127) {
        if (outIdx >= endIdx) break;
        heap[outIdx++] = u;
      } else if (u <= 2047) {
        if (outIdx + 1 >= endIdx) break;
        heap[outIdx++] = 192 | u >> 6;
        heap[outIdx++] = 128 | u & 63;
      } else if (u <= 65535) {
        if (outIdx + 2 >= endIdx) break;
        heap[outIdx++] = 224 | u >> 12;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
      } else {
        if (outIdx + 3 >= endIdx) break;
        heap[outIdx++] = 240 | u >> 18;
        heap[outIdx++] = 128 | u >> 12 & 63;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
        i2++;
      }
    }
    heap[outIdx] = 0;
    return outIdx - startIdx;
  }, "stringToUTF8Array");
  var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
  var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
  var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
    var size = lengthBytesUTF8(str) + 1;
    var ret = stackAlloc(size);
    stringToUTF8(str, ret, size);
    return ret;
  }, "stringToUTF8OnStack");
  var AsciiToString = /* @__PURE__ */ __name((ptr) => {
    var str = "";
    while (1) {
      var ch = HEAPU8[ptr++];
      if (!ch) return str;
      str += String.fromCharCode(ch);
    }
  }, "AsciiToString");
  var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
    maxBytesToWrite ??= 2147483647;
    if (maxBytesToWrite < 2) return 0;
    maxBytesToWrite -= 2;
    var startPtr = outPtr;
    var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
    for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
      var codeUnit = str.charCodeAt(i2);
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
      outPtr += 2;
    }
    LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
    return outPtr - startPtr;
  }, "stringToUTF16");
  LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
    /* little endian */
    ((x) => x),
    ((x) => x),
    void 0,
    ((x) => x)
  ] : [
    /* big endian */
    ((x) => x),
    ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
    void 0,
    ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
  ];
  function LE_HEAP_UPDATE() {
    HEAPU16.unsigned = ((x) => x & 65535);
    HEAPU32.unsigned = ((x) => x >>> 0);
  }
  __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
  {
    initMemory();
    if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
    if (Module["print"]) out = Module["print"];
    if (Module["printErr"]) err = Module["printErr"];
    if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].shift()();
      }
    }
  }
  Module["setValue"] = setValue;
  Module["getValue"] = getValue;
  Module["UTF8ToString"] = UTF8ToString;
  Module["stringToUTF8"] = stringToUTF8;
  Module["lengthBytesUTF8"] = lengthBytesUTF8;
  Module["AsciiToString"] = AsciiToString;
  Module["stringToUTF16"] = stringToUTF16;
  Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
  Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
  var ASM_CONSTS = {};
  var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
  function assignWasmExports(wasmExports2) {
    Module["_malloc"] = _malloc = wasmExports2["malloc"];
    Module["_calloc"] = _calloc = wasmExports2["calloc"];
    Module["_realloc"] = _realloc = wasmExports2["realloc"];
    Module["_free"] = _free = wasmExports2["free"];
    Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
    Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
    Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
    Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
    Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
    Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
    Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
    Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
    Module["_strlen"] = _strlen = wasmExports2["strlen"];
    Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
    Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
    Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
    Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
    Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
    Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
    Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
    Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
    Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
    Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
    Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
    Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
    Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
    Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
    Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
    Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
    Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
    Module["_memset"] = _memset = wasmExports2["memset"];
    Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
    Module["_memmove"] = _memmove = wasmExports2["memmove"];
    Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
    Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
    Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
    Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
    Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
    Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
    Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
    Module["_memchr"] = _memchr = wasmExports2["memchr"];
    Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
    Module["_strncat"] = _strncat = wasmExports2["strncat"];
    Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
    Module["_towlower"] = _towlower = wasmExports2["towlower"];
    Module["_towupper"] = _towupper = wasmExports2["towupper"];
    _setThrew = wasmExports2["setThrew"];
    __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
    __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
    _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
    ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
  }
  __name(assignWasmExports, "assignWasmExports");
  var wasmImports = {
    /** @export */
    __heap_base: ___heap_base,
    /** @export */
    __indirect_function_table: wasmTable,
    /** @export */
    __memory_base: ___memory_base,
    /** @export */
    __stack_high: ___stack_high,
    /** @export */
    __stack_low: ___stack_low,
    /** @export */
    __stack_pointer: ___stack_pointer,
    /** @export */
    __table_base: ___table_base,
    /** @export */
    _abort_js: __abort_js,
    /** @export */
    emscripten_resize_heap: _emscripten_resize_heap,
    /** @export */
    fd_close: _fd_close,
    /** @export */
    fd_seek: _fd_seek,
    /** @export */
    fd_write: _fd_write,
    /** @export */
    memory: wasmMemory,
    /** @export */
    tree_sitter_log_callback: _tree_sitter_log_callback,
    /** @export */
    tree_sitter_parse_callback: _tree_sitter_parse_callback,
    /** @export */
    tree_sitter_progress_callback: _tree_sitter_progress_callback,
    /** @export */
    tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
  };
  function callMain(args2 = []) {
    var entryFunction = resolveGlobalSymbol("main").sym;
    if (!entryFunction) return;
    args2.unshift(thisProgram);
    var argc = args2.length;
    var argv = stackAlloc((argc + 1) * 4);
    var argv_ptr = argv;
    args2.forEach((arg) => {
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
      argv_ptr += 4;
    });
    LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
    try {
      var ret = entryFunction(argc, argv);
      exitJS(
        ret,
        /* implicit = */
        true
      );
      return ret;
    } catch (e) {
      return handleException(e);
    }
  }
  __name(callMain, "callMain");
  function run(args2 = arguments_) {
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    preRun();
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    function doRun() {
      Module["calledRun"] = true;
      if (ABORT) return;
      initRuntime();
      preMain();
      readyPromiseResolve?.(Module);
      Module["onRuntimeInitialized"]?.();
      var noInitialRun = Module["noInitialRun"] || false;
      if (!noInitialRun) callMain(args2);
      postRun();
    }
    __name(doRun, "doRun");
    if (Module["setStatus"]) {
      Module["setStatus"]("Running...");
      setTimeout(() => {
        setTimeout(() => Module["setStatus"](""), 1);
        doRun();
      }, 1);
    } else {
      doRun();
    }
  }
  __name(run, "run");
  var wasmExports;
  wasmExports = await createWasm();
  run();
  if (runtimeInitialized) {
    moduleRtn = Module;
  } else {
    moduleRtn = new Promise((resolve2, reject) => {
      readyPromiseResolve = resolve2;
      readyPromiseReject = reject;
    });
  }
  return moduleRtn;
}
__name(Module2, "Module");
var web_tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  return Module3 ??= await web_tree_sitter_default(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback2, oldTree, options) {
    if (typeof callback2 === "string") {
      C.currentParseCallback = (index) => callback2.slice(index);
    } else if (typeof callback2 === "function") {
      C.currentParseCallback = callback2;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback2) {
    if (!callback2) {
      this.logCallback = null;
    } else if (typeof callback2 !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback2;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind2, info2, index, length) {
    super(_QueryError.formatMessage(kind2, info2));
    this.kind = kind2;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind2, info2) {
    switch (kind2) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text2, positive) => {
      return positive ? regex.test(text2) : !regex.test(text2);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text2) => test(text2, isPositive)) : nodes.some((text2) => test(text2, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values2 = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text2) => values2.includes(text2)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};

// src/parse/preprocess.ts
function blankRanges(src, ranges) {
  if (!ranges.length) return src;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts2 = [];
  let pos = 0;
  for (const [a0, b] of ranges) {
    const a = Math.max(a0, pos);
    if (b <= a) continue;
    parts2.push(src.slice(pos, a), src.slice(a, b).replace(/[^\n]/g, " "));
    pos = b;
  }
  parts2.push(src.slice(pos));
  return parts2.join("");
}
var NOISE = [
  /\b_packed\b/g,
  /\b__packed\b/g,
  // The grammar has no attribute between `enum` and its tag (only the attribute is blanked).
  /\benum\s+(?<blank>__attribute__\s*\(\((?:[^()\n]|\([^()\n]*\))*\)\))/dg,
  /\b__aligned\s*\((?:[^()\n]|\([^()\n]*\))*\)/g,
  /\b_Pragma\s*\(\s*L?"(?:\\.|[^"\\\n])*"\s*\)/g,
  /\b__weak\b/g,
  /\b__user\b/g,
  /\b__percpu\b/g,
  /\b__rcu\b/g,
  /\b__always_inline\b/g,
  /\b__bpf_section\s*\(\s*"[^"\n]*"\s*\)/g,
  /\bSEC\s*\(\s*"[^"\n]*"\s*\)/g
];
function preprocess(src) {
  const c = cText(src);
  const directives = scanDirectives(c.text);
  const blanks = [...directives.spans];
  const inDirective = offsetIn(directives.spans);
  for (const re of NOISE) {
    for (const m of c.text.matchAll(re)) {
      if (!inDirective(m.index)) blanks.push(m.indices?.groups?.blank ?? [m.index, m.index + m[0].length]);
    }
  }
  const packs = staticPacks(directives);
  return {
    text: blankRanges(c.text, blanks),
    c,
    directives,
    guardsAt: (line) => branchChain(directives, line).map((b) => directives.branches[b]).filter((b) => !b.includeGuard).map((b) => ({ condition: b.condition, line: b.line })),
    packAt: (line) => {
      let v = 0;
      for (const [at, cap] of packs) if (at <= line) v = cap;
      return v;
    }
  };
}
function staticPacks(d) {
  const out2 = [];
  const state = { cap: 0, stack: [] };
  for (const op of d.ops) {
    if (op.op !== "pack") continue;
    const chain = branchChain(d, op.line).map((b) => d.branches[b]);
    if (chain.some((b) => platformCondition(b.condition) === false)) continue;
    applyPack(state, op.args);
    out2.push([op.line, state.cap]);
  }
  return out2;
}
var PLATFORM = record({
  _MSC_VER: 0,
  _WIN32: 0,
  _WIN64: 0,
  __sun: 0,
  __APPLE__: 0,
  __MACH__: 0,
  __FreeBSD__: 0,
  __EMSCRIPTEN__: 0,
  __linux__: 1,
  __GNUC__: 1
});
function platformCondition(condition) {
  const known = condition.replace(
    /\bdefined\s*(?:\(\s*(\w+)\s*\)|(\w+))/g,
    (m, a, b) => {
      const name2 = a ?? b;
      return name2 in PLATFORM ? String(PLATFORM[name2]) : m;
    }
  );
  if (/[A-Za-z_]/.test(known)) return null;
  const v = evaluate(known, { ...emptySymbols(), isDefined: () => null });
  return v === null ? null : v !== 0n;
}
function isOtherCompilerOnly(g) {
  return platformCondition(g.condition) === false;
}
function offsetIn(ranges) {
  return (offset) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const [a, b] = ranges[mid];
      if (offset < a) hi = mid - 1;
      else if (offset >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

// src/parse/parser.ts
function locate(file, pkg) {
  const here = path2.dirname(fileURLToPath(import.meta.url));
  const beside = path2.join(here, file);
  if (existsSync2(beside)) return beside;
  const require2 = createRequire(import.meta.url);
  return path2.join(path2.dirname(require2.resolve(`${pkg}/${file}`)), file);
}
var ready = null;
function getParser() {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => locate("web-tree-sitter.wasm", "web-tree-sitter") });
    const c = await Language.load(locate("tree-sitter-c.wasm", "tree-sitter-c"));
    return new Parser().setLanguage(c);
  })();
  return ready;
}
var parser = null;
async function initParser() {
  parser ??= await getParser();
}
var DESCENDANT_TYPES = ["enum_specifier", "struct_specifier", "type_definition", "init_declarator"];
async function parseC(filePath, source, budget) {
  parser ??= await getParser();
  return parseCSync(filePath, source, budget);
}
var ParseTimeout = class extends Error {
};
function parseCSync(filePath, source, budget) {
  if (!parser) throw new Error("parseCSync before initParser()");
  const left = budget ? budget.parseLeft : Infinity;
  if (left <= 0) throw budget.stop("MAX_REVISION_PARSE_MS");
  const allowed = Math.min(MAX_PARSE_MS, left);
  const start2 = performance.now();
  const pre = preprocess(source);
  const tree = parser.parse(pre.text, null, { progressCallback: () => performance.now() - start2 > allowed });
  if (!tree) parser.reset();
  budget?.chargeParse(performance.now() - start2);
  if (!tree) {
    if (allowed < MAX_PARSE_MS) throw budget.stop("MAX_REVISION_PARSE_MS");
    throw new ParseTimeout(`parsing ${filePath} took longer than ${MAX_PARSE_MS} ms`);
  }
  const root = tree.rootNode;
  let found = null;
  const typed = (nodes) => nodes.filter((n) => n !== null).map((node) => ({ node, type: node.type }));
  return {
    path: filePath,
    source,
    pre,
    lineAt: pre.c.lineAt,
    root,
    descendants: (types) => {
      if (!types.every((t) => DESCENDANT_TYPES.includes(t))) return typed(root.descendantsOfType([...types]));
      found ??= typed(root.descendantsOfType(DESCENDANT_TYPES));
      return found.filter((d) => types.includes(d.type));
    },
    dispose: () => tree.delete()
  };
}
function lineOfNode(node) {
  return node.startPosition.row + 1;
}

// src/surface/layout.ts
var LAYOUT_NEUTRAL_ATTRIBUTES = /* @__PURE__ */ new Set([
  "preserve_access_index",
  "unused",
  "used",
  "deprecated",
  "may_alias",
  "designated_init",
  "visibility"
]);
var FileReader = class {
  constructor(file) {
    this.file = file;
    this.lines = file.pre.c.spliced.split("\n");
  }
  file;
  lines;
  /** Struct definitions open around the one being read (they nest as deep as the input wants). */
  depth = 0;
  loc(node) {
    return { path: this.file.path, line: lineOfNode(node) };
  }
  guards(line) {
    return this.file.pre.guardsAt(line);
  }
  /**
   * Whether a guard's branch is part of the build we lay out: the first branch of every
   * conditional (so `#ifdef FEATURE` fields are included), except that MSVC/Windows-only
   * branches are never taken and the `#else` after one always is.
   */
  branchTaken(g) {
    if (isOtherCompilerOnly(g)) return false;
    const directive = /^\s*#\s*(\w+)/.exec(this.lines[g.line - 1] ?? "")?.[1];
    if (directive === "else" || directive === "elif") return /\b(_MSC_VER|_WIN32|_WIN64)\b/.test(g.condition);
    return true;
  }
  /** The text gcc reads of [start, end): comments blanked, the annotations preprocessing blanked for the grammar (`_packed`) still in it. */
  original(start2, end) {
    return this.file.pre.c.text.slice(start2, end);
  }
};
function collectStructs(files) {
  const structs = [];
  const enums = [];
  const typedefs = record();
  const typedefList = [];
  for (const file of files) {
    const reader = new FileReader(file);
    for (const { node, type } of file.descendants(["struct_specifier", "type_definition", "enum_specifier"])) {
      if (type === "struct_specifier" && node.childForFieldName("body")) {
        const decl = readTopStruct(reader, node);
        if (decl) structs.push(decl);
      } else if (type === "type_definition") {
        readTypedef(reader, node, typedefs, typedefList);
      } else if (type === "enum_specifier" && node.childForFieldName("body")) {
        const decl = readEnum(reader, node);
        if (decl.name) enums.push(decl);
      }
    }
  }
  return { structs, enums, typedefs, typedefList };
}
function typedefNamesOf(node) {
  const parent = node.parent;
  if (parent?.type !== "type_definition") return [];
  return parent.childrenForFieldName("declarator").filter((d) => d.type === "type_identifier").map((d) => d.text);
}
function readEnum(reader, node) {
  const body2 = node.childForFieldName("body");
  const typedefNames = typedefNamesOf(node);
  const tag = node.childForFieldName("name")?.text;
  const name2 = tag ?? typedefNames[0] ?? "";
  const { stop: stop2 } = declarationTail(reader, node, body2.endIndex);
  const attrs = readAttributes(
    `${reader.original(node.startIndex, body2.startIndex)} ${reader.original(body2.endIndex, stop2)}`,
    `enum ${name2 || "<anonymous>"}`
  );
  const problems = [
    ...attrs.problems,
    ...attrs.aligned.length ? [`attribute aligned on enum ${name2 || "<anonymous>"}`] : []
  ];
  if (body2.hasError && attrs.packed) problems.push(`packed enum ${name2 || "<anonymous>"} does not parse cleanly`);
  const decl = {
    name: name2,
    aliases: tag ? typedefNames : typedefNames.slice(1),
    enumerators: body2.namedChildren.filter((c) => c?.type === "enumerator").map((c) => c.childForFieldName("name").text),
    loc: reader.loc(node)
  };
  const underlying = node.childForFieldName("underlying_type");
  if (underlying) decl.underlying = typeOf(reader, underlying, name2);
  if (attrs.packed) decl.packed = true;
  if (problems.length) decl.problems = problems;
  return decl;
}
function readTopStruct(reader, node) {
  const tag = node.childForFieldName("name")?.text ?? null;
  const typedefNames = typedefNamesOf(node);
  const name2 = tag ?? typedefNames[0];
  if (name2 === void 0) return null;
  const aliases = tag ? typedefNames : typedefNames.slice(1);
  return readStructBody(reader, node, name2, tag !== null, aliases);
}
function readStructBody(reader, node, name2, tagged, aliases) {
  if (reader.depth >= MAX_NESTING) {
    return {
      name: name2,
      tagged,
      aliases,
      packed: false,
      pack: 0,
      fields: [],
      loc: reader.loc(node),
      endLine: lineOfNode(node),
      problems: [`structs defined in structs nested more than ${MAX_NESTING} deep`]
    };
  }
  reader.depth++;
  try {
    return readStructDefinition(reader, node, name2, tagged, aliases);
  } finally {
    reader.depth--;
  }
}
function readStructDefinition(reader, node, name2, tagged, aliases) {
  const body2 = node.childForFieldName("body");
  const startLine = lineOfNode(node);
  const endLine = body2.endPosition.row + 1;
  const outerGuards = reader.guards(startLine);
  const problems = [];
  const { stop: stop2, end } = declarationTail(reader, node, body2.endIndex);
  const attrs = readAttributes(
    `${reader.original(node.startIndex, body2.startIndex)} ${reader.original(body2.endIndex, stop2)}`,
    `struct ${name2}`
  );
  problems.push(...attrs.problems);
  if (body2.hasError) problems.push(`struct ${name2} does not parse cleanly`);
  const decl = {
    name: name2,
    tagged,
    aliases,
    packed: attrs.packed,
    // GCC applies the pack state in force when the struct is completed, i.e. at its closing brace.
    pack: reader.file.pre.packAt(endLine),
    fields: [],
    loc: reader.loc(node),
    endLine,
    // Every name of the declaration as written (preprocessing blanked some): a macro among them
    // (a field, an attribute) makes the surface read it again expanded (reread.ts).
    names: [...new Set(reader.original(node.startIndex, end).match(/[A-Za-z_]\w*/g) ?? [])]
  };
  if (attrs.aligned.length) decl.aligned = attrs.aligned;
  const lastLine = reader.file.lineAt(Math.max(end - 1, node.startIndex));
  if (lastLine > endLine) decl.lastLine = lastLine;
  if (outerGuards.length) decl.conditional = outerGuards.map((g) => g.condition);
  if (!outerGuards.every((g) => reader.branchTaken(g))) decl.untaken = true;
  for (const child of body2.namedChildren) {
    if (!child) continue;
    if (child.type === "field_declaration") readField(reader, child, decl, outerGuards.length);
    else if (child.type === "ERROR") problems.push(`unreadable text in struct ${name2} at line ${lineOfNode(child)}`);
  }
  if (problems.length) decl.problems = problems;
  return decl;
}
function readField(reader, node, outer, outerDepth) {
  const line = lineOfNode(node);
  const inner = reader.guards(line).slice(outerDepth);
  const untaken = !inner.every((g) => reader.branchTaken(g));
  const conditional = inner.map((g) => g.condition);
  const typeNode = node.childForFieldName("type");
  const declarators = node.childrenForFieldName("declarator");
  const parseProblems = [];
  if (node.hasError) parseProblems.push(`field at line ${line} does not parse cleanly`);
  const specifiers = typeNode?.childForFieldName("body") ? reader.original(node.startIndex, typeNode.startIndex) : reader.original(node.startIndex, declarators[0]?.startIndex ?? node.endIndex);
  const attributesOf = (d) => {
    const i2 = d ? declarators.indexOf(d) : -1;
    const own = d ? reader.original(d.startIndex, declarators[i2 + 1]?.startIndex ?? node.endIndex) : "";
    return readAttributes(`${specifiers} ${own}`, `line ${line}`);
  };
  const bits3 = node.namedChildren.find((c) => c?.type === "bitfield_clause")?.namedChildren[0]?.text;
  const push2 = (name2, type, at, d) => {
    const field = { name: name2, type, line: at };
    const attrs = attributesOf(d);
    const problems = [...parseProblems, ...attrs.problems];
    if (conditional.length) field.conditional = conditional;
    if (untaken) field.untaken = true;
    if (bits3 !== void 0) field.bits = squash(bits3);
    if (attrs.packed) field.packed = true;
    if (attrs.aligned.length) field.aligned = attrs.aligned;
    if (problems.length) field.problems = problems;
    outer.fields.push(field);
  };
  if (!typeNode) {
    push2("", { kind: "unsupported", what: squash(node.text) }, line);
    return;
  }
  if (declarators.length === 0) {
    const hasBody = typeNode.childForFieldName("body") !== null;
    const tag = typeNode.childForFieldName("name");
    if (typeNode.type === "struct_specifier" && hasBody && !tag) {
      push2(
        "",
        { kind: "inline", decl: readStructBody(reader, typeNode, `${outer.name}.<anonymous@${line}>`, false, []) },
        line
      );
    } else if (typeNode.type === "union_specifier" && hasBody && !tag) {
      push2("", { kind: "unsupported", what: "anonymous union" }, line);
    } else if (!(hasBody && tag)) {
      push2("", { kind: "unsupported", what: squash(node.text) }, line);
    }
    return;
  }
  const firstName = declaratorName(declarators[0]) ?? `<field@${line}>`;
  const base = typeOf(reader, typeNode, `${outer.name}.${firstName}`);
  for (const d of declarators) {
    const declared = applyDeclarator(d, base);
    if (declared) push2(declared.name, declared.type, lineOfNode(d), d);
    else push2(squash(d.text), { kind: "unsupported", what: `declarator ${squash(d.text)}` }, lineOfNode(d), d);
  }
}
function declarationTail(reader, node, from) {
  const parent = node.parent;
  if (parent && (parent.type === "field_declaration" || parent.type === "declaration" || parent.type === "type_definition") && parent.childForFieldName("type")?.id === node.id) {
    return { stop: parent.childrenForFieldName("declarator")[0]?.startIndex ?? parent.endIndex, end: parent.endIndex };
  }
  const pre = reader.file.pre.text;
  let stop2 = from;
  while (stop2 < pre.length && pre[stop2] !== ";" && pre[stop2] !== "{" && pre[stop2] !== "}") stop2++;
  return { stop: stop2, end: Math.min(pre.length, stop2 + 1) };
}
function readTypedef(reader, node, typedefs, list) {
  const typeNode = node.childForFieldName("type");
  if (!typeNode) return;
  const declarators = node.childrenForFieldName("declarator");
  const plain2 = declarators.find((d) => d.type === "type_identifier")?.text;
  let base;
  const tag = typeNode.childForFieldName("name")?.text;
  const hasBody = typeNode.childForFieldName("body") !== null;
  if (typeNode.type === "struct_specifier" && !tag) {
    if (!hasBody || !plain2) return;
    base = { kind: "struct", name: plain2, tagged: false };
  } else if (typeNode.type === "enum_specifier" && !tag) {
    base = {
      kind: "enum",
      name: plain2 ?? "<anonymous>",
      tagged: false,
      ...hasBody ? { def: readEnum(reader, typeNode) } : {}
    };
  } else base = typeOf(reader, typeNode, plain2 ?? "<typedef>");
  const specifiers = hasBody ? reader.original(node.startIndex, typeNode.startIndex) : reader.original(node.startIndex, declarators[0]?.startIndex ?? node.endIndex);
  declarators.forEach((d, i2) => {
    const declared = applyDeclarator(d, base);
    if (!declared) return;
    const own = reader.original(d.startIndex, declarators[i2 + 1]?.startIndex ?? node.endIndex);
    const type = typedefType(declared.type, readAttributes(`${specifiers} ${own}`, `typedef ${declared.name}`));
    list.push({ name: declared.name, type, line: lineOfNode(d) });
    if (!Object.hasOwn(typedefs, declared.name)) typedefs[declared.name] = type;
  });
}
function typedefType(type, attrs) {
  if (attrs.problems.length) return { kind: "unsupported", what: attrs.problems.join("; ") };
  const align = attrs.aligned[attrs.aligned.length - 1];
  return align === void 0 ? type : { kind: "aligned", of: type, align };
}
function typeOf(reader, node, inlineName) {
  switch (node.type) {
    case "primitive_type":
    case "type_identifier":
    case "sized_type_specifier":
      return { kind: "name", name: squash(node.text) };
    case "struct_specifier": {
      const tag = node.childForFieldName("name")?.text;
      if (tag) return { kind: "struct", name: tag, tagged: true };
      if (node.childForFieldName("body"))
        return { kind: "inline", decl: readStructBody(reader, node, inlineName, false, []) };
      return { kind: "unsupported", what: squash(node.text) };
    }
    case "enum_specifier": {
      const tag = node.childForFieldName("name")?.text;
      if (!tag && node.childForFieldName("body"))
        return { kind: "enum", name: "<anonymous>", tagged: true, def: readEnum(reader, node) };
      return { kind: "enum", name: tag ?? "<anonymous>", tagged: true };
    }
    case "union_specifier":
      return { kind: "unsupported", what: `union ${node.childForFieldName("name")?.text ?? "<anonymous>"}` };
    default:
      return { kind: "unsupported", what: squash(node.text) };
  }
}
function applyDeclarator(node, base) {
  let type = base;
  for (let n = node; n; ) {
    switch (n.type) {
      case "field_identifier":
      case "identifier":
      case "type_identifier":
        return { name: n.text, type };
      case "pointer_declarator":
        type = { kind: "pointer" };
        n = n.childForFieldName("declarator");
        break;
      case "array_declarator": {
        const size = n.childForFieldName("size");
        type = { kind: "array", of: type, size: size ? squash(size.text) : null };
        n = n.childForFieldName("declarator");
        break;
      }
      case "function_declarator":
        type = { kind: "function" };
        n = n.childForFieldName("declarator");
        break;
      case "parenthesized_declarator":
      case "attributed_declarator":
        n = n.namedChildren.find((c) => c !== null && c.type !== "attribute_specifier" && c.type !== "type_qualifier");
        break;
      default:
        return null;
    }
  }
  return null;
}
function declaratorName(node) {
  for (let n = node; n; ) {
    if (n.type === "field_identifier" || n.type === "identifier" || n.type === "type_identifier") return n.text;
    n = n.childForFieldName("declarator") ?? n.namedChildren.find((c) => c?.type.endsWith("declarator"));
  }
  return null;
}
function typeSpelling(body2) {
  const text2 = squash(body2.replace(/\b(const|volatile)\b/g, ""));
  if (/^[\w\s]+\*+$/.test(text2)) return { kind: "pointer" };
  const tagged = /^(struct|enum) (\w+)$/.exec(text2);
  if (tagged) return { kind: tagged[1], name: tagged[2], tagged: true };
  return /^\w+( \w+)*$/.test(text2) ? { kind: "name", name: text2 } : null;
}
function squash(s) {
  return s.replace(/\s+/g, " ").trim();
}
function attrName(attr) {
  return attr.replace(/\(.*$/s, "").replace(/^__(.*)__$/, "$1");
}
function balanced(text2, open) {
  let depth = 0;
  for (let i2 = open; i2 < text2.length; i2++) {
    if (text2[i2] === "(") depth++;
    else if (text2[i2] === ")" && --depth === 0) return text2.slice(open, i2 + 1);
  }
  return text2.slice(open);
}
function attributesIn(text2) {
  const out2 = [];
  const add = (at, a) => {
    const attr = squash(a).replace(/^(?:__)?(?:gnu|clang)(?:__)?\s*::\s*/, "");
    if (attr) out2.push([at, attrName(attr) === "packed" ? "packed" : attr]);
  };
  for (const m of text2.matchAll(/\b_{1,2}packed\b/g)) add(m.index, "packed");
  for (const m of text2.matchAll(/\b(?:__aligned|_Alignas|alignas)\s*\(/g))
    add(m.index, `aligned${balanced(text2, m.index + m[0].length - 1)}`);
  for (const m of text2.matchAll(/\b__attribute__\s*\(/g)) {
    const inner = balanced(text2, m.index + m[0].length - 1).slice(1, -1).trim();
    if (!inner.startsWith("(") || !inner.endsWith(")")) continue;
    for (const part of splitTopLevel(inner.slice(1, -1))) add(m.index, part);
  }
  for (const m of text2.matchAll(/\[\s*\[/g)) {
    const close = text2.indexOf("]]", m.index);
    if (close < 0) continue;
    for (const part of splitTopLevel(text2.slice(m.index + m[0].length, close))) add(m.index, part);
  }
  return out2.sort((a, b) => a[0] - b[0]).map(([, a]) => a);
}
function readAttributes(text2, where2) {
  const out2 = { packed: false, aligned: [], problems: [] };
  for (const attr of attributesIn(text2)) {
    const name2 = attrName(attr);
    if (name2 === "packed") out2.packed = true;
    else if (name2 === "aligned") {
      const arg = /^[^(]*\((.*)\)$/s.exec(attr)?.[1]?.trim();
      if (arg) out2.aligned.push(arg);
      else out2.problems.push(`attribute aligned without a value on ${where2}`);
    } else if (!LAYOUT_NEUTRAL_ATTRIBUTES.has(name2)) out2.problems.push(`attribute ${attr} on ${where2}`);
  }
  return out2;
}
function splitTopLevel(s) {
  const parts2 = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts2.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts2.push(cur);
  return parts2;
}
var POINTER = { type: "pointer", size: 8, align: 8 };
var ENUM_SIZE = 4;
function alignUp(n, a) {
  return Math.ceil(n / a) * a;
}
function arrayType(elem, dim) {
  const i2 = elem.indexOf("[");
  return i2 < 0 ? `${elem}[${dim}]` : `${elem.slice(0, i2)}[${dim}]${elem.slice(i2)}`;
}
var defaultSelection = {
  // The first taken definition wins; a definition in an untaken branch only fills a gap.
  decls: (structs) => [...structs.filter((s) => !s.untaken), ...structs.filter((s) => s.untaken)],
  field: (_decl, f) => !f.untaken,
  pack: (decl) => decl.pack
};
var LayoutEngine = class {
  constructor(structs, typedefsOf, symsOf, select = defaultSelection, enums = []) {
    this.typedefsOf = typedefsOf;
    this.symsOf = symsOf;
    this.select = select;
    for (const s of select.decls(structs)) if (!this.decls.has(s.name)) this.decls.set(s.name, s);
    for (const e of enums) for (const n of [e.name, ...e.aliases]) if (!this.enumDecls.has(n)) this.enumDecls.set(n, e);
  }
  typedefsOf;
  symsOf;
  select;
  decls = /* @__PURE__ */ new Map();
  layouts = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  /** Files of the structs being laid out, innermost last: their macros and typedefs size arrays and name types. */
  files = [];
  symbols = /* @__PURE__ */ new Map();
  /** Enum definitions by tag and typedef name (the first of a name wins, as for structs). */
  enumDecls = /* @__PURE__ */ new Map();
  /**
   * An enum's size and alignment as gcc gives them (see EnumDecl). A value that cannot be
   * computed counts as int-sized (it is reported where the enum is read); a packed enum needs
   * them all. An enum the tree does not define (or that does not parse) is not known: every
   * enum of the drivers' ABI is defined in the tree.
   */
  enumLayout(t, depth) {
    const def = t.def ?? this.enumDecls.get(t.name);
    const int = { type: "enum", size: ENUM_SIZE, align: ENUM_SIZE };
    if (!def) return { problem: `enum ${t.name} has no definition driver-semver can read`, type: "enum" };
    if (def.problems?.length) return { problem: def.problems.join("; "), type: "enum" };
    if (def.underlying) {
      const r = this.resolve(def.underlying, depth + 1);
      return "problem" in r ? r : { type: "enum", size: r.size, align: r.align };
    }
    const values2 = def.enumerators.map((n) => this.syms.enumerators.get(n));
    const known = values2.filter((v) => v !== void 0);
    const lo = known.reduce((a, b) => b < a ? b : a, 0n);
    const hi = known.reduce((a, b) => b > a ? b : a, 0n);
    const fits2 = (bytes) => {
      const bits3 = BigInt(bytes * 8);
      return lo < 0n ? lo >= -(1n << bits3 - 1n) && hi < 1n << bits3 - 1n : hi < 1n << bits3;
    };
    if (def.packed) {
      const missing = def.enumerators.find((_, i2) => values2[i2] === void 0);
      if (missing !== void 0)
        return {
          problem: `enum ${def.name || "<anonymous>"} is packed and the value of ${missing} is not known`,
          type: "enum"
        };
      const size = [1, 2, 4, 8].find(fits2);
      return size ? { type: "enum", size, align: size } : { problem: `enum ${def.name} has values beyond 64 bits`, type: "enum" };
    }
    const inInt = lo >= -(1n << 31n) && hi < 1n << 31n;
    return inInt || fits2(4) ? int : { type: "enum", size: 8, align: 8 };
  }
  /** The typedefs the file of the struct being laid out sees. */
  get typedefs() {
    return this.typedefsOf(this.files[this.files.length - 1] ?? "");
  }
  /** The symbols of the struct being laid out: `sizeof(struct x)` in an array size resolves through the layouts themselves. */
  get syms() {
    const path4 = this.files[this.files.length - 1] ?? "";
    let s = this.symbols.get(path4);
    if (!s) {
      const base = this.symsOf(path4);
      s = {
        ...base,
        sizeOf: (name2) => base.sizeOf?.(name2) ?? this.sizeOfSpelling(name2),
        scalarOf: (name2) => base.scalarOf?.(name2) ?? this.scalarOfTypedef(name2)
      };
      this.symbols.set(path4, s);
    }
    return s;
  }
  /** A struct and the anonymous structs defined in its fields, each under its own key. */
  register(s, asEntry = true) {
    if (asEntry && !this.decls.has(s.name)) this.decls.set(s.name, s);
    for (const f of s.fields) {
      let t = f.type;
      while (t.kind === "array") t = t.of;
      if (t.kind === "inline") this.register(t.decl, f.name !== "");
    }
  }
  /** Every struct, the named structs defined in fields included (each under `outer.field`). */
  all() {
    for (const s of [...this.decls.values()]) this.register(s, false);
    const out2 = record();
    for (const name2 of this.decls.keys()) out2[name2] = this.layout(name2);
    return out2;
  }
  /** The layout of one struct (and what it needs), or null when this build has no definition of it. */
  one(name2) {
    return this.decls.has(name2) ? this.layout(name2) : null;
  }
  sizeOfSpelling(spelling) {
    const m = /^(struct|enum) (\S+)$/.exec(spelling);
    const ref = m ? { kind: m[1], name: m[2], tagged: true } : { kind: "name", name: spelling };
    const r = this.resolve(ref, 0);
    return "problem" in r ? null : r.size;
  }
  /** The scalar type a typedef name stands for (`typedef unsigned char u_char;`), for a cast in an array size. */
  scalarOfTypedef(name2) {
    if (!Object.hasOwn(this.typedefs, name2)) return null;
    const r = this.resolve({ kind: "name", name: name2 }, 0);
    return "problem" in r || !(r.type === "enum" || scalarType(r.type)) ? null : r.type;
  }
  layout(name2, decl = this.decls.get(name2)) {
    const done = this.layouts.get(name2);
    if (done) return done;
    const unresolved = [...decl.problems ?? []];
    if (this.inProgress.size >= MAX_NESTING) {
      unresolved.push(`structs nested more than ${MAX_NESTING} deep`);
      return { name: name2, size: -1, align: -1, packed: decl.packed, fields: [], loc: decl.loc, unresolved };
    }
    this.inProgress.add(name2);
    this.files.push(decl.loc.path);
    const fields = [];
    let offset = 0;
    let maxAlign = 1;
    const pack = this.select.pack(decl);
    if (pack === null)
      unresolved.push(
        "the #pragma pack in force at its closing brace is not known (set under a condition driver-semver cannot decide, in a form it does not read, or by a file that includes its header)"
      );
    let known = unresolved.length === 0;
    const placeAlign = (natural, f) => {
      let a = decl.packed || f.packed ? 1 : natural;
      for (const expr of f.aligned ?? []) {
        const n = this.alignment(expr);
        if (typeof n === "string") return n;
        a = Math.max(a, n);
      }
      return pack ? Math.min(a, pack) : a;
    };
    for (const f of decl.fields) {
      if (!this.select.field(decl, f)) continue;
      const r = f.bits !== void 0 ? {
        problem: `bit-field ${f.name || "<anonymous>"} : ${f.bits}`,
        type: `${this.resolve(f.type, 0).type}:${f.bits}`
      } : f.problems?.length ? { problem: f.problems.join("; "), type: "unknown" } : this.resolve(f.type, 0);
      const base = { line: f.line, ...f.conditional ? { conditional: f.conditional } : {} };
      if ("problem" in r) {
        unresolved.push(`${f.name || "<anonymous member>"}: ${r.problem}`);
        known = false;
        if (f.name !== "") fields.push({ name: f.name, type: r.type, offset: -1, size: -1, align: -1, ...base });
        continue;
      }
      const align = placeAlign(r.align, f);
      if (typeof align === "string") {
        unresolved.push(`${f.name || "<anonymous member>"}: ${align}`);
        known = false;
        if (f.name !== "") fields.push({ name: f.name, type: r.type, offset: -1, size: -1, align: -1, ...base });
        continue;
      }
      maxAlign = Math.max(maxAlign, align);
      const at = known ? alignUp(offset, align) : -1;
      if (known) offset = at + r.size;
      if (f.name === "" && f.type.kind === "inline") {
        for (const sub of this.layout(f.type.decl.name, f.type.decl).fields) {
          const conditional = [...f.conditional ?? [], ...sub.conditional ?? []];
          fields.push({
            ...sub,
            offset: at < 0 || sub.offset < 0 ? -1 : at + sub.offset,
            ...conditional.length ? { conditional } : {}
          });
        }
        continue;
      }
      fields.push({ name: f.name, type: r.type, offset: at, size: r.size, align, ...base });
    }
    for (const expr of decl.aligned ?? []) {
      const n = this.alignment(expr);
      if (typeof n === "string") {
        unresolved.push(n);
        known = false;
      } else maxAlign = Math.max(maxAlign, n);
    }
    const result = {
      name: name2,
      size: known ? alignUp(offset, maxAlign) : -1,
      align: known ? maxAlign : -1,
      packed: decl.packed,
      fields,
      loc: decl.loc
    };
    if (pack) result.pack = pack;
    if (decl.aliases.length) result.aliases = decl.aliases;
    if (decl.conditional) result.conditional = decl.conditional;
    if (unresolved.length) result.unresolved = unresolved;
    this.inProgress.delete(name2);
    this.files.pop();
    this.layouts.set(name2, result);
    return result;
  }
  /** An alignment as written (`16`, `sizeof(long)`, a macro, or a type for `_Alignas(type)`); a problem when it is not a power of two. */
  alignment(expr) {
    let n = evaluateNumber(expr, this.syms);
    if (n === null) {
      const t = typeSpelling(expr);
      const r = t ? this.resolve(t, 0) : null;
      if (r && !("problem" in r)) n = r.align;
    }
    if (n === null) return `alignment '${expr}' cannot be evaluated`;
    if (n <= 0 || (n & n - 1) !== 0) return `alignment '${expr}' is ${n}, not a power of two`;
    return n;
  }
  structRef(name2, spelled, decl) {
    const d = decl ?? this.decls.get(name2);
    if (!d) return { problem: `unknown type ${spelled}`, type: spelled };
    if (this.inProgress.has(name2)) return { problem: `${spelled} contains itself`, type: spelled };
    const l = this.layout(name2, d);
    if (l.unresolved) return { problem: `${spelled} has an unresolved layout`, type: spelled };
    return { type: spelled, size: l.size, align: l.align };
  }
  resolve(t, depth) {
    if (depth > 32) return { problem: "typedef chain too deep", type: "unknown" };
    switch (t.kind) {
      case "pointer":
        return POINTER;
      case "enum":
        return this.enumLayout(t, depth);
      case "struct":
        return this.structRef(t.name, t.tagged ? `struct ${t.name}` : t.name);
      case "inline":
        return this.structRef(t.decl.name, `struct ${t.decl.name}`, t.decl);
      case "function":
        return { problem: "a function type has no size", type: "function" };
      case "unsupported":
        return { problem: `unsupported ${t.what}`, type: t.what };
      case "ambiguous":
        return { problem: t.why, type: t.name };
      case "aligned": {
        const r = this.resolve(t.of, depth + 1);
        if ("problem" in r) return r;
        const n = this.alignment(t.align);
        return typeof n === "string" ? { problem: n, type: r.type } : { ...r, align: n };
      }
      case "name": {
        const alias = this.syms.macros.get(t.name);
        if (alias && alias.params === null && depth < 32) {
          const spelled = typeSpelling(alias.body);
          if (spelled) return this.resolve(spelled, depth + 1);
          return { problem: `macro ${t.name} stands for '${alias.body.slice(0, 40)}', not a type`, type: t.name };
        }
        const s = scalarType(t.name);
        if (s) return { type: s.type, size: s.size, align: s.size };
        const typedefs = this.typedefs;
        if (Object.hasOwn(typedefs, t.name)) return this.resolve(typedefs[t.name], depth + 1);
        if (t.name === "void") return { problem: "void has no size", type: "void" };
        return { problem: `unknown type ${t.name}`, type: t.name };
      }
      case "array": {
        const elem = this.resolve(t.of, depth + 1);
        if (t.size === null) {
          return "problem" in elem ? { ...elem, type: arrayType(elem.type, "") } : { type: arrayType(elem.type, ""), size: 0, align: elem.align };
        }
        const n = evaluateNumber(t.size, this.syms);
        if ("problem" in elem) return { ...elem, type: arrayType(elem.type, n === null ? t.size : String(n)) };
        if (n === null || n < 0)
          return { problem: `array size '${t.size}' cannot be evaluated`, type: arrayType(elem.type, t.size) };
        return { type: arrayType(elem.type, n === 0 ? "" : String(n)), size: n * elem.size, align: elem.align };
      }
    }
  }
};
function layoutsOf(names2, structs, typedefsOf, symsOf, select, enums = []) {
  const engine = new LayoutEngine(structs, typedefsOf, symsOf, select, enums);
  const out2 = record();
  for (const n of names2) {
    const l = engine.one(n);
    if (l) out2[n] = l;
  }
  return out2;
}

// src/surface/model.ts
function loc(path4, line) {
  return { path: path4, line };
}
function isCounterField(name2) {
  return /^n_\w+$/.test(name2);
}
function counterFields(structs) {
  const out2 = /* @__PURE__ */ new Set();
  for (const s of Object.values(structs)) for (const f of s.fields) if (isCounterField(f.name)) out2.add(f.name);
  return out2;
}
function compatVariants(fn) {
  return fn.compatVariants ?? { oldest: [fn.hash, fn.hash, fn.hash, fn.hash], newest: fn.hash };
}
function isKernelSpecific(fn) {
  return fn.kernelSpecific === true;
}
function keepsOldestBuild(base, head) {
  const same = (i2) => base[i2] === head[i2];
  return same(0) && same(1) || same(2) && same(3);
}
var PROBE_LABEL = {
  kmod: VIEW_LABEL.kmod,
  modern: VIEW_LABEL.modern,
  legacy: VIEW_LABEL.legacy,
  shared: "shared by the drivers"
};
function emptySurface(rev, commit = null) {
  return {
    surfaceVersion: 1,
    rev,
    commit,
    versions: { api: null, schema: null },
    scapMinimum: { api: null, schema: null },
    eventCodes: record(),
    events: record(),
    enums: record(),
    retiredEnumValues: record(),
    ppmSc: record(),
    defines: record(),
    sharedConstants: record(),
    flagTables: record(),
    dynamicParams: record(),
    syscalls: record(),
    structs: record(),
    ioctls: record(),
    retiredIoctls: record(),
    bpfMaps: record(),
    bpfGlobals: record(),
    codeLists: record(),
    moduleParams: record(),
    code: record(),
    production: { drivers: [], events: record() },
    warnings: []
  };
}

// src/surface/extract/syntax.ts
function hasInitError(init2) {
  const todo = [init2];
  while (todo.length) {
    const i2 = todo.pop();
    if (i2.kind === "error" || i2.kind === "list" && i2.error) return true;
    if (i2.kind === "list") for (const item of i2.items) todo.push(item.value);
  }
  return false;
}
function foldSpace(s) {
  return s.replace(/\\\r?\n/g, " ").replace(/\s+/g, " ").trim();
}
function toInit(node, src) {
  return readInit(node, node.type, true, src, 0).init;
}
function readInit(node, type, mayHaveError, src, depth) {
  const line = lineOfNode(node);
  if (depth > MAX_NESTING)
    return { init: { kind: "error", text: `braces nested more than ${MAX_NESTING} deep`, line }, end: node.endIndex };
  const hasError = mayHaveError && node.hasError;
  if (type === "initializer_list") {
    const items = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const childType = child.type;
      if (childType === "comment") continue;
      if (childType === "initializer_pair") {
        const designators = child.childrenForFieldName("designator").filter((d) => d !== null);
        const value = child.childForFieldName("value");
        const designator = designators.map((d, i2) => designatorText(d, i2 > 0)).join("");
        items.push({
          designator,
          value: value ? readInit(value, value.type, hasError, src, depth + 1).init : { kind: "error", text: "", line },
          line: lineOfNode(child),
          endLine: src.lineAt(child.endIndex)
        });
      } else {
        const { init: init2, end: end2 } = readInit(child, childType, hasError, src, depth + 1);
        items.push({ designator: null, value: init2, line: lineOfNode(child), endLine: src.lineAt(end2) });
      }
    }
    return { init: { kind: "list", items, line, ...hasError ? { error: true } : {} }, end: node.endIndex };
  }
  const end = node.endIndex;
  const text2 = foldSpace(src.text.slice(node.startIndex, end));
  return { init: type === "ERROR" || hasError ? { kind: "error", text: text2, line } : { kind: "expr", text: text2, line }, end };
}
function designatorText(d, inChain) {
  if (d.type === "subscript_designator")
    return inChain ? `[${foldSpace(d.text.replace(/^\[|\]$/g, ""))}]` : foldSpace(d.text.replace(/^\[|\]$/g, ""));
  if (d.type === "field_designator") return foldSpace(d.text);
  return foldSpace(d.text);
}
function splitOr(expr) {
  const out2 = [];
  const todo = [expr];
  while (todo.length) {
    const parts2 = splitTopLevel2(stripParens(todo.pop()), "|").map((p) => stripParens(p.trim())).filter((p) => p !== "");
    if (parts2.length === 1) out2.push(parts2[0]);
    else for (let i2 = parts2.length - 1; i2 >= 0; i2--) todo.push(parts2[i2]);
  }
  return out2;
}
function splitTopLevel2(expr, sep) {
  const parts2 = [];
  let depth = 0;
  let cur = "";
  for (let i2 = 0; i2 < expr.length; i2++) {
    const ch = expr[i2];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    if (ch === ")" || ch === "]" || ch === "}") depth--;
    if (ch === sep && depth === 0 && expr[i2 + 1] !== sep && expr[i2 - 1] !== sep) {
      parts2.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts2.push(cur);
  return parts2;
}
function normExpr(s) {
  return foldSpace(s).replace(/\s*([()[\],*])\s*/g, "$1");
}
function stripParens(s) {
  const t = s.trim();
  const close = new Int32Array(t.length).fill(-1);
  const open = [];
  for (let i2 = 0; i2 < t.length; i2++) {
    if (t[i2] === "(") open.push(i2);
    else if (t[i2] === ")") {
      const o = open.pop();
      if (o === void 0) return t;
      close[o] = i2;
    }
  }
  if (open.length) return t;
  let a = 0;
  let b = t.length - 1;
  while (a < b && t[a] === "(" && close[a] === b) {
    a++;
    b--;
    while (a <= b && /\s/.test(t[a])) a++;
    while (b >= a && /\s/.test(t[b])) b--;
  }
  return t.slice(a, b + 1);
}
function namesIn(text2) {
  return [...new Set(text2.match(/[A-Za-z_]\w*/g) ?? [])];
}
function unquote(text2) {
  const t = text2.trim();
  if (t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"' && t.indexOf('"', 1) === t.length - 1 && !t.includes("\\"))
    return t.slice(1, -1);
  if (!/^("(?:\\.|[^"\\])*"\s*)+$/.test(t)) return null;
  return [...t.matchAll(/"((?:\\.|[^"\\])*)"/g)].map((m) => m[1].replace(/\\(.)/g, "$1")).join("");
}
function arrayDeclarations(file) {
  const out2 = [];
  for (const { node: decl } of file.descendants(["init_declarator"])) {
    const declarator = decl.childForFieldName("declarator");
    const value = decl.childForFieldName("value");
    if (declarator?.type !== "array_declarator" || value?.type !== "initializer_list") continue;
    const nameNode = declarator.childForFieldName("declarator");
    const size = declarator.childForFieldName("size");
    const typeNode = decl.parent?.childForFieldName("type");
    out2.push({
      name: nameNode?.text ?? "",
      typeText: typeNode ? foldSpace(typeNode.text) : "",
      size: size ? foldSpace(size.text) : null,
      init: value,
      line: lineOfNode(decl)
    });
  }
  return out2;
}

// src/surface/extract/text-scan.ts
var NO_TOP_LEVEL = { statements: [] };
var SEMI = 59;
var LBRACE = 123;
var RBRACE = 125;
var LPAREN = 40;
var RPAREN = 41;
var LBRACK = 91;
var RBRACK = 93;
var DQUOTE = 34;
var SQUOTE = 39;
var BACKSLASH2 = 92;
var NL2 = 10;
function isSpace(c) {
  return c === 32 || c === NL2 || c === 9 || c === 11 || c === 12 || c === 13;
}
function groupSteps(d) {
  const out2 = /* @__PURE__ */ new Map();
  for (const op of d.ops) {
    if (op.op === "branch") {
      const b = d.branches[op.branch];
      out2.set(b.line, { step: b.kind.startsWith("if") ? "open" : "next", branch: op.branch });
    } else if (op.op === "endif") out2.set(op.line, { step: "close", branch: op.first });
  }
  return out2;
}
function topLevelStatements(text2, d) {
  const lineAt = lineIndex(text2);
  const steps = groupSteps(d);
  const statements = [];
  const groups = [];
  let st = { depth: 0, inBody: false };
  let pieces = [];
  let pieceStart = -1;
  let started = false;
  let include = 0;
  const includeLines = /* @__PURE__ */ new Set([
    ...d.includes.map((x) => x.line),
    ...d.unfollowed.filter((u) => u.directive === "include").map((u) => u.line)
  ]);
  let prev = 0;
  const closePiece = (end) => {
    if (pieceStart >= 0) {
      const piece = text2.slice(pieceStart, end).trimEnd();
      if (piece) pieces.push({ text: piece, line: lineAt(pieceStart), ...include ? { include } : {} });
      if (piece) include = 0;
    }
    pieceStart = -1;
  };
  const endStatement = (end, keep) => {
    closePiece(end);
    if (keep && pieces.length) statements.push({ pieces });
    pieces = [];
    started = false;
    include = 0;
  };
  let span = 0;
  const n = text2.length;
  for (let i2 = 0; i2 < n; i2++) {
    while (span < d.spans.length && d.spans[span][1] <= i2) span++;
    const sp = d.spans[span];
    if (sp && sp[0] <= i2) {
      const line = lineAt(sp[0]);
      if (started && !st.inBody) {
        closePiece(sp[0]);
        if (includeLines.has(line)) include = line;
      }
      const g = steps.get(line);
      if (g?.step === "open") groups.push({ start: { ...st }, ends: [], hasElse: false });
      else if (g && groups.length) {
        const top = groups[groups.length - 1];
        top.ends.push({ ...st });
        if (g.step === "next") {
          if (d.branches[g.branch].kind === "else") top.hasElse = true;
          st = { ...top.start };
        } else {
          groups.pop();
          if (!top.hasElse) top.ends.push({ ...top.start });
          st = { ...top.ends.reduce((a, b) => b.depth < a.depth ? b : a) };
        }
      }
      i2 = sp[1] - 1;
      continue;
    }
    const c = text2.charCodeAt(i2);
    if (isSpace(c)) continue;
    if (!st.inBody) {
      if (!started) started = true;
      if (pieceStart < 0) pieceStart = i2;
    }
    if (c === DQUOTE || c === SQUOTE) {
      let j = i2 + 1;
      while (j < n) {
        const e = text2.charCodeAt(j);
        if (e === c || e === NL2 && text2.charCodeAt(j - 1) !== BACKSLASH2) break;
        j += e === BACKSLASH2 ? 2 : 1;
      }
      i2 = Math.min(j, n - 1);
      prev = c;
      continue;
    }
    if (c === LPAREN || c === LBRACK) st.depth++;
    else if (c === RPAREN || c === RBRACK) st.depth = Math.max(0, st.depth - 1);
    else if (c === LBRACE) {
      if (st.depth === 0 && !st.inBody && prev === RPAREN) {
        endStatement(i2, true);
        st.inBody = true;
      }
      st.depth++;
    } else if (c === RBRACE) {
      if (st.depth === 0) {
        endStatement(i2, false);
        prev = 0;
        continue;
      }
      st.depth--;
      if (st.depth === 0 && st.inBody) {
        st.inBody = false;
        prev = 0;
        continue;
      }
    } else if (c === SEMI && st.depth === 0 && !st.inBody) {
      endStatement(i2 + 1, true);
      prev = c;
      continue;
    }
    prev = c;
  }
  endStatement(n, !st.inBody);
  return { statements };
}
var TOKEN3 = /\s*(?:([A-Za-z_]\w*)|(\d[\w.]*|\.\d[\w.]*|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|\.\.\.|->|<<=|>>=|##|&&|\|\||<<|>>|\+\+|--|[-+*/%&|^!<>=]=|\S))/y;
function tokens(text2) {
  const out2 = [];
  TOKEN3.lastIndex = 0;
  for (let m = TOKEN3.exec(text2); m; m = TOKEN3.exec(text2)) {
    const t = m[1] ?? m[2];
    const end = TOKEN3.lastIndex;
    out2.push({ text: t, start: end - t.length, end, ident: m[1] !== void 0 });
  }
  return out2;
}
function closing(toks, open) {
  let depth = 0;
  for (let i2 = open; i2 < toks.length; i2++) {
    const t = toks[i2].text;
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") {
      depth--;
      if (depth === 0) return i2;
    }
  }
  return -1;
}
function splitTokens(toks, sep, from = 0, to = toks.length) {
  const out2 = [];
  let depth = 0;
  let start2 = from;
  for (let i2 = from; i2 < to; i2++) {
    const t = toks[i2].text;
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") depth--;
    else if (t === sep && depth === 0) {
      out2.push([start2, i2]);
      start2 = i2 + 1;
    }
  }
  out2.push([start2, to]);
  return out2;
}
function textOf(text2, toks, from, to) {
  return from < to ? foldSpace(text2.slice(toks[from].start, toks[to - 1].end)) : "";
}

// src/surface/extract/bpf.ts
function readBpfStatement(text2, toks, probe) {
  const attrs = attributes(toks);
  const out2 = { maps: [], globals: [] };
  if (attrs.section === (probe === "modern" ? ".maps" : "maps")) {
    const map = probe === "modern" ? modernMap(text2, attrs.rest) : legacyMap(text2, attrs.rest);
    if (map) out2.maps.push(map);
    else
      out2.unreadable = `a declaration in section "${attrs.section}" that is not a map definition driver-semver can read`;
  } else if (probe === "modern" && attrs.weak && attrs.section === null) {
    out2.globals = weakGlobals(text2, attrs.rest);
  }
  return out2;
}
var ATTRIBUTE_CALLS = /* @__PURE__ */ new Set(["SEC", "__bpf_section", "__attribute__", "__attribute"]);
function attributes(toks) {
  let weak = false;
  let section = null;
  const rest = [];
  for (let i2 = 0; i2 < toks.length; i2++) {
    const t = toks[i2].text;
    if (t === "__weak") {
      weak = true;
      continue;
    }
    const close = ATTRIBUTE_CALLS.has(t) && toks[i2 + 1]?.text === "(" ? closing(toks, i2 + 1) : -1;
    if ((t === "SEC" || t === "__bpf_section") && close > 0) {
      section = strings(toks, i2 + 2, close);
      i2 = close;
      continue;
    }
    if ((t === "__attribute__" || t === "__attribute") && close > 0) {
      const inner = toks[i2 + 2]?.text === "(" ? closing(toks, i2 + 2) : -1;
      if (inner > 0) {
        for (const [a, b] of splitTokens(toks, ",", i2 + 3, inner)) {
          const name2 = toks[a]?.text.replace(/^__(\w+)__$/, "$1");
          if (name2 === "weak" && b === a + 1) weak = true;
          if (name2 === "section" && toks[a + 1]?.text === "(") section = strings(toks, a + 2, closing(toks, a + 1));
        }
      }
      i2 = close;
      continue;
    }
    rest.push(toks[i2]);
  }
  return { weak, section, rest };
}
function strings(toks, from, to) {
  let s = "";
  for (let i2 = from; i2 < to; i2++) {
    const u = unquote(toks[i2].text);
    if (u === null) return null;
    s += u;
  }
  return from < to ? s : null;
}
function structBody(toks) {
  const s = toks.findIndex((t) => t.text === "struct");
  if (s < 0) return null;
  const open = toks[s + 1]?.text === "{" ? s + 1 : toks[s + 1]?.ident && toks[s + 2]?.text === "{" ? s + 2 : -1;
  const close = open > 0 ? closing(toks, open) : -1;
  const name2 = close > 0 ? toks[close + 1] : void 0;
  if (!name2?.ident || close + 2 !== toks.length) return null;
  return { open, close, name: name2.text };
}
function modernMap(text2, toks) {
  const body2 = structBody(toks);
  if (!body2) return null;
  const members = /* @__PURE__ */ new Map();
  for (const [a, b] of splitTokens(toks, ";", body2.open + 1, body2.close)) {
    if (a === b) continue;
    const macro = toks[a].text;
    const close = toks[a + 1]?.text === "(" ? closing(toks, a + 1) : -1;
    if (!["__uint", "__type", "__array"].includes(macro) || close < 0 || close + 1 !== b) return null;
    const [key, value] = splitTokens(toks, ",", a + 2, close);
    if (!key || !value) return null;
    const k = `${macro}:${textOf(text2, toks, key[0], key[1])}`;
    if (!members.has(k)) members.set(k, textOf(text2, toks, value[0], value[1]));
  }
  return {
    name: body2.name,
    probe: "modern",
    type: members.get("__uint:type") ?? "?",
    keyType: members.get("__type:key") ?? null,
    valueType: members.get("__type:value") ?? null,
    keySizeExpr: null,
    valueSizeExpr: null,
    maxEntriesExpr: members.get("__uint:max_entries") ?? null,
    line: 0
  };
}
function legacyMap(text2, toks) {
  const s = toks.findIndex((t) => t.text === "struct");
  const name2 = toks[s + 2];
  if (s < 0 || toks[s + 1]?.text !== "bpf_map_def" || !name2?.ident || toks[s + 3]?.text !== "=" || toks[s + 4]?.text !== "{")
    return null;
  const close = closing(toks, s + 4);
  if (close < 0 || close + 1 !== toks.length) return null;
  const fields = /* @__PURE__ */ new Map();
  for (const [a, b] of splitTokens(toks, ",", s + 5, close)) {
    if (toks[a]?.text === "." && toks[a + 1]?.ident && toks[a + 2]?.text === "=")
      fields.set(toks[a + 1].text, textOf(text2, toks, a + 3, b));
  }
  const sizeOfType = (e) => e ? /^sizeof\s*\((.*)\)$/.exec(e)?.[1]?.trim() ?? null : null;
  return {
    name: name2.text,
    probe: "legacy",
    type: fields.get("type") ?? "?",
    keyType: sizeOfType(fields.get("key_size")),
    valueType: sizeOfType(fields.get("value_size")),
    keySizeExpr: fields.get("key_size") ?? null,
    valueSizeExpr: fields.get("value_size") ?? null,
    maxEntriesExpr: fields.get("max_entries") ?? null,
    line: 0
  };
}
var QUALIFIERS = /* @__PURE__ */ new Set(["const", "volatile", "restrict", "__restrict", "__volatile__", "__const"]);
var NOT_A_DEFINITION = /* @__PURE__ */ new Set(["typedef", "extern", "static"]);
function weakGlobals(text2, toks) {
  if (toks.some((t) => NOT_A_DEFINITION.has(t.text))) return [];
  const parts2 = splitTokens(toks, ",");
  const out2 = [];
  let specifiers = null;
  for (const [from, to] of parts2) {
    const eq = indexIn(toks, "=", from, to);
    const declEnd = eq < 0 ? to : eq;
    const bracket = indexIn(toks, "[", from, declEnd);
    const nameAt = (bracket < 0 ? declEnd : bracket) - 1;
    if (nameAt < from || !toks[nameAt].ident || indexIn(toks, "(", from, declEnd) >= 0) return out2;
    let start2 = nameAt;
    for (let k = nameAt - 1; k >= from && (toks[k].text === "*" || QUALIFIERS.has(toks[k].text)); k--)
      if (toks[k].text === "*") start2 = k;
    if (specifiers === null) {
      specifiers = toks.slice(from, start2);
      if (!specifiers.length || specifiers.some((t) => t.text === "{")) return out2;
    }
    const pointer = toks.slice(start2, nameAt);
    const stars = pointer.filter((t) => t.text === "*").length;
    const constObject = stars ? pointer[pointer.length - 1].text === "const" : specifiers.some((t) => t.text === "const");
    const base = specifiers.filter((t) => !QUALIFIERS.has(t.text)).map((t) => t.text).join(" ");
    const close = bracket >= 0 ? closing(toks, bracket) : -1;
    out2.push({
      name: toks[nameAt].text,
      rodata: constObject,
      type: stars ? `${base} ${"*".repeat(stars)}` : base,
      arraySize: close > 0 ? textOf(text2, toks, bracket + 1, close) : null,
      init: eq >= 0 ? textOf(text2, toks, eq + 1, to) : null,
      line: 0,
      at: toks[nameAt].start
    });
  }
  return out2;
}
function indexIn(toks, t, from, to) {
  let depth = 0;
  for (let i2 = from; i2 < to; i2++) {
    const x = toks[i2].text;
    if (depth === 0 && x === t) return i2;
    if (x === "(" || x === "[" || x === "{") depth++;
    else if (x === ")" || x === "]" || x === "}") depth--;
  }
  return -1;
}

// src/surface/extract/code-bodies.ts
import { createHash as createHash2 } from "node:crypto";

// src/surface/enum-names.ts
var EVENT_CODE_ENUMS = ["ppm_event_code", "ppm_event_type"];
var PPM_SC_ENUMS = ["ppm_sc_code", "ppm_syscall_code"];
var OLD_ENUM_SPELLINGS = new Map(
  [EVENT_CODE_ENUMS, PPM_SC_ENUMS].flatMap(([current, ...old]) => old.map((o) => [o, current]))
);

// src/surface/extract/code/lexer.ts
var IDENT = 1;
var NUMBER = 2;
var STR = 3;
var PUNCT = 4;
var DIRECTIVE = 5;
var PP_IF = 1;
var PP_ELIF = 2;
var PP_ELSE = 3;
var PP_ENDIF = 4;
var PP_OTHER = 5;
var Tokens = class {
  n = 0;
  kind;
  /** Byte offset of the token's start (for line numbers). */
  at;
  /** PP_* for a directive, 0 otherwise. */
  pp;
  /** 1 when a conditional directive's condition mentions a kernel-version or kernel-feature macro (set by markCompat). */
  compat;
  /** Token text; a directive is `#name tok tok ...`, single-spaced. */
  text = [];
  constructor(capacity) {
    this.kind = new Uint8Array(capacity);
    this.at = new Int32Array(capacity);
    this.pp = new Uint8Array(capacity);
    this.compat = new Uint8Array(capacity);
  }
  push(kind2, text2, at, pp = 0, compat = 0) {
    const i2 = this.n++;
    if (i2 === this.kind.length) this.grow();
    this.kind[i2] = kind2;
    this.at[i2] = at;
    this.pp[i2] = pp;
    this.compat[i2] = compat;
    this.text.push(text2);
  }
  grow() {
    const size = this.kind.length * 2;
    const kind2 = new Uint8Array(size);
    const at = new Int32Array(size);
    const pp = new Uint8Array(size);
    const compat = new Uint8Array(size);
    kind2.set(this.kind);
    at.set(this.at);
    pp.set(this.pp);
    compat.set(this.compat);
    Object.assign(this, { kind: kind2, at, pp, compat });
  }
};
function isIdStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 36;
}
function isIdChar(c) {
  return isIdStart(c) || c >= 48 && c <= 57;
}
var ID_CHARS = /[A-Za-z0-9_$]*/y;
function idEnd(src, i2) {
  ID_CHARS.lastIndex = i2;
  ID_CHARS.test(src);
  return ID_CHARS.lastIndex;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function punctLen(src, i2, c) {
  const d = src.charCodeAt(i2 + 1);
  switch (c) {
    case 45:
      return d === 62 || d === 45 || d === 61 ? 2 : 1;
    case 43:
      return d === 43 || d === 61 ? 2 : 1;
    case 60:
    // < : << <<= <=
    case 62:
      if (d === c) return src.charCodeAt(i2 + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 61:
    // =
    case 33:
    // !
    case 42:
    // *
    case 47:
    // /
    case 37:
    // %
    case 94:
      return d === 61 ? 2 : 1;
    case 38:
    // & : && &=
    case 124:
      return d === c || d === 61 ? 2 : 1;
    case 35:
      return d === 35 ? 2 : 1;
    case 46:
      return d === 46 && src.charCodeAt(i2 + 2) === 46 ? 3 : 1;
    default:
      return 1;
  }
}
var BUILD_ONLY_TOKENS = /* @__PURE__ */ new Set([
  "register",
  "volatile",
  "const",
  "inline",
  "__inline",
  "__always_inline",
  "__noinline",
  "noinline",
  "__maybe_unused",
  "__user",
  "__force"
]);
function isHintPragma(name2, cond) {
  return name2 === "pragma" && !/^pack\b/.test(cond);
}
var TYPE_ALIASES = /* @__PURE__ */ new Map();
for (const bits3 of [8, 16, 32, 64]) {
  for (const prefix of ["", "__"]) {
    TYPE_ALIASES.set(`${prefix}u${bits3}`, `uint${bits3}_t`);
    TYPE_ALIASES.set(`${prefix}s${bits3}`, `int${bits3}_t`);
  }
}
function lex2(src) {
  const n = src.length;
  const T = new Tokens((n >> 2) + 64);
  let i2 = 0;
  let lineStart = true;
  let dir = null;
  let dead = 0;
  const groups = [];
  const finishDirective = () => {
    const d = dir;
    dir = null;
    let name2 = d.name;
    const cond = d.toks.join(" ");
    let pp = PP_OTHER;
    if (name2 === "if" || name2 === "ifdef" || name2 === "ifndef") pp = PP_IF;
    else if (name2 === "elif" || name2 === "elifdef" || name2 === "elifndef") pp = PP_ELIF;
    else if (name2 === "else") pp = PP_ELSE;
    else if (name2 === "endif") pp = PP_ENDIF;
    if (dead > 0) {
      if (pp === PP_IF) dead++;
      else if (pp === PP_ENDIF) dead--;
      else if (dead === 1 && pp === PP_ELSE) {
        dead = 0;
        groups.push(true);
        return;
      } else if (dead === 1 && pp === PP_ELIF) {
        dead = 0;
        groups.push(false);
        pp = PP_IF;
        name2 = name2.replace("elif", "if");
      }
      if (dead > 0 || pp !== PP_IF) return;
    } else if (pp === PP_IF && name2 === "if" && cond === "0") {
      dead = 1;
      return;
    } else if (pp === PP_IF) groups.push(false);
    else if (pp === PP_ENDIF && groups.pop()) return;
    else if (isHintPragma(name2, cond)) return;
    T.push(DIRECTIVE, cond ? `#${name2} ${cond}` : `#${name2}`, d.at, pp);
  };
  const emit = (kind2, start2, end) => {
    let text2 = src.slice(start2, end);
    if (kind2 === IDENT) text2 = TYPE_ALIASES.get(text2) ?? text2;
    const list = dir ? dir.toks : T.text;
    const prev = list.length - 1;
    const current = kind2 === IDENT && list[prev] === "enum" ? OLD_ENUM_SPELLINGS.get(text2) : void 0;
    if (current !== void 0 && (dir || dead === 0 && T.kind[prev] === IDENT)) {
      list[prev] = current;
      return;
    }
    if (kind2 === STR && text2.charCodeAt(0) === 34 && (dir || dead === 0 && T.kind[prev] === STR) && list[prev]?.endsWith('"')) {
      list[prev] = list[prev].slice(0, -1) + text2.slice(1);
      return;
    }
    if (dir) dir.toks.push(text2);
    else if (dead === 0 && !(kind2 === IDENT && BUILD_ONLY_TOKENS.has(text2))) T.push(kind2, text2, start2);
  };
  while (i2 < n) {
    const c = src.charCodeAt(i2);
    if (c === 10) {
      if (dir) finishDirective();
      lineStart = true;
      i2++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i2++;
      continue;
    }
    if (c === 92 && src.charCodeAt(i2 + 1) === 10) {
      i2 += 2;
      continue;
    }
    const hash = c === 35 ? 1 : c === 37 && src.charCodeAt(i2 + 1) === 58 ? 2 : 0;
    if (hash && lineStart && !dir) {
      lineStart = false;
      let j = i2 + hash;
      while (j < n && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
      const s = j;
      j = idEnd(src, j);
      dir = { at: i2, name: src.slice(s, j), toks: [] };
      i2 = j;
      continue;
    }
    lineStart = false;
    const start2 = i2;
    if (isIdStart(c)) {
      i2 = idEnd(src, i2 + 1);
      const q = src.charCodeAt(i2);
      if ((q === 34 || q === 39) && i2 - start2 <= 2 && /^(L|u|U|u8)$/.test(src.slice(start2, i2))) {
        i2 = skipQuoted(src, i2);
        emit(STR, start2, i2);
      } else emit(IDENT, start2, i2);
      continue;
    }
    if (isDigit(c) || c === 46 && isDigit(src.charCodeAt(i2 + 1))) {
      i2++;
      while (i2 < n) {
        const d = src.charCodeAt(i2);
        if (isIdChar(d) || d === 46) i2++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(src[i2 - 1])) i2++;
        else break;
      }
      emit(NUMBER, start2, i2);
      continue;
    }
    if (c === 34 || c === 39) {
      i2 = skipQuoted(src, i2);
      emit(STR, start2, i2);
      continue;
    }
    i2 += punctLen(src, i2, c);
    emit(PUNCT, start2, i2);
  }
  if (dir) finishDirective();
  return T;
}
function skipQuoted(src, i2) {
  const q = src.charCodeAt(i2);
  const n = src.length;
  i2++;
  while (i2 < n) {
    const c = src.charCodeAt(i2);
    if (c === q) return i2 + 1;
    if (c === 10) return i2;
    i2 += c === 92 ? 2 : 1;
  }
  return n;
}

// src/surface/extract/code/vocabulary.ts
var PARAM_WRITER = /^(val_to_ring|push_empty_param|__bpf_val_to_ring|bpf_val_to_ring\w*|bpf_push_\w+|push__\w+|ringbuf__store_\w+|auxmap(_iter)?__store_\w+)$/;
var HEADER_WRITER = /event_header|evt_hdr/;
var HEADER_STRUCT = "ppm_evt_hdr";
var TRANSPORT = /* @__PURE__ */ new Set([
  "bpf_ringbuf_reserve",
  "bpf_ringbuf_submit",
  "bpf_ringbuf_discard",
  "bpf_ringbuf_output",
  "bpf_perf_event_output",
  "bpf_seq_write"
]);
var MAP_ACCESS = /* @__PURE__ */ new Set([
  "bpf_map_lookup_elem",
  "bpf_map_update_elem",
  "bpf_map_delete_elem",
  "bpf_map_lookup_percpu_elem"
]);
var TAIL_CALL = "bpf_tail_call";
var DEBUG_OUTPUT = /* @__PURE__ */ new Set([
  "bpf_printk",
  "bpf_trace_printk",
  "ASSERT",
  "printk",
  "pr_err",
  "pr_warn",
  "pr_warning",
  "pr_info",
  "pr_notice",
  "pr_debug",
  "pr_devel"
]);
var NOT_CALLS = /* @__PURE__ */ new Set([
  "if",
  "while",
  "for",
  "switch",
  "return",
  "sizeof",
  "typeof",
  "__typeof__",
  "_Alignof",
  "defined",
  "asm",
  "__asm__",
  "case"
]);
var ASSIGNMENTS = /* @__PURE__ */ new Set(["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "++", "--"]);

// src/surface/extract/code/functions.ts
var NAME_IS_FIRST_ARG = /* @__PURE__ */ new Set([
  "BPF_PROG",
  "BPF_PROG2",
  "BPF_KPROBE",
  "BPF_KRETPROBE",
  "BPF_KSYSCALL",
  "BPF_KPROBE_SYSCALL",
  "BPF_UPROBE",
  "BPF_URETPROBE",
  "BPF_USDT",
  "FILLER",
  "FILLER_RAW",
  "TRACEPOINT_PROBE"
]);
var NAME_IS_SECOND_ARG = /* @__PURE__ */ new Set(["BPF_PROBE"]);
var TRAILING_ATTRS = /* @__PURE__ */ new Set(["__attribute__", "__attribute", "__acquires", "__releases", "__must_hold"]);
var NOT_A_NAME = /* @__PURE__ */ new Set([...NOT_CALLS, "do", "else"]);
function matchForward(T, list, i2) {
  const open = T.text[list[i2]];
  const close = open === "(" ? ")" : open === "[" ? "]" : "}";
  let depth = 0;
  for (let k = i2; k < list.length; k++) {
    const t = list[k];
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === open) depth++;
    else if (s === close && --depth === 0) return k;
  }
  return -1;
}
function matchBackward(T, list, i2) {
  let depth = 0;
  for (let k = i2; k >= 0; k--) {
    const t = list[k];
    if (T.kind[t] !== PUNCT) continue;
    const s = T.text[t];
    if (s === ")") depth++;
    else if (s === "(" && --depth === 0) return k;
  }
  return -1;
}
function functionName(T, head) {
  if (!head.length || T.text[head[0]] === "typedef") return null;
  for (const t of head) if (T.kind[t] === PUNCT && T.text[t] === "=") return null;
  let last = head.length - 1;
  for (; ; ) {
    if (last < 0 || T.text[head[last]] !== ")") return null;
    const p = matchBackward(T, head, last);
    if (p <= 0) return null;
    const before = head[p - 1];
    const word = T.text[before];
    if (T.kind[before] !== IDENT || NOT_A_NAME.has(word)) return null;
    if (TRAILING_ATTRS.has(word)) {
      last = p - 2;
      continue;
    }
    if (NAME_IS_FIRST_ARG.has(word) || NAME_IS_SECOND_ARG.has(word)) {
      let k = p + 1;
      if (NAME_IS_SECOND_ARG.has(word)) {
        for (let depth = 0; k < last; k++) {
          const s = T.text[head[k]];
          if (s === "(") depth++;
          else if (s === ")") depth--;
          else if (s === "," && depth === 0) break;
        }
        k++;
      }
      const arg = head[k];
      return arg !== void 0 && k < last && T.kind[arg] === IDENT ? { name: T.text[arg], at: T.at[arg] } : null;
    }
    return { name: word, at: T.at[before] };
  }
}
function findDefinitions(T, decided = /* @__PURE__ */ new Map()) {
  const defs = [];
  const cond = [];
  let depth = 0;
  let headStart = 0;
  let externC = 0;
  let fn = null;
  let fnDead = false;
  for (let k = 0; k < T.n; k++) {
    const kind2 = T.kind[k];
    if (kind2 === DIRECTIVE) {
      const pp = T.pp[k];
      if (pp === PP_IF)
        cond.push({
          depth,
          firstEnd: -1,
          compat: T.compat[k] === 1 && decided.get(k) !== 0,
          at: k,
          branch: 0,
          dead: decided.has(k) && decided.get(k) !== 0
        });
      else if (pp === PP_ELIF || pp === PP_ELSE) {
        const top = cond[cond.length - 1];
        if (top) {
          if (top.firstEnd < 0) top.firstEnd = depth;
          depth = top.depth;
          top.branch++;
          if (T.compat[k]) top.compat = true;
          if (decided.get(top.at) === top.branch) top.compat = false;
          else if (decided.has(top.at)) top.compat = true;
          top.dead = decided.has(top.at) && decided.get(top.at) !== top.branch;
        }
      } else if (pp === PP_ENDIF) {
        const top = cond.pop();
        if (top && top.firstEnd >= 0) depth = top.firstEnd;
      }
      continue;
    }
    if (kind2 !== PUNCT) continue;
    const s = T.text[k];
    if (depth === 0 && !fn) {
      if (s === ";") headStart = k + 1;
      else if (s === "}") {
        if (externC > 0) externC--;
        headStart = k + 1;
      } else if (s === "{") {
        const head = [];
        for (let h = headStart; h < k; h++) if (T.kind[h] !== DIRECTIVE) head.push(h);
        if (head.length === 2 && T.text[head[0]] === "extern" && T.kind[head[1]] === STR) {
          externC++;
          headStart = k + 1;
          continue;
        }
        const name2 = functionName(T, head);
        if (name2)
          fn = {
            ...name2,
            start: head[0],
            compatScoped: cond.some((c) => c.compat),
            scope: cond.map((c) => ({ at: c.at, branch: c.branch }))
          };
        fnDead = cond.some((c) => c.dead);
        depth = 1;
      }
      continue;
    }
    if (s === "{") depth++;
    else if (s === "}") {
      if (depth > 0) depth--;
      if (depth === 0) {
        if (fn && !fnDead) defs.push({ ...fn, end: k });
        fn = null;
        headStart = k + 1;
      }
    }
  }
  return defs;
}
function skipDirectives(T, a, k) {
  while (k < a.length && T.kind[a[k]] === DIRECTIVE) k++;
  return k;
}
function ifStatementEnd(T, a, k) {
  for (; ; ) {
    const close = matchForward(T, a, k + 1);
    if (close < 0) return a.length;
    const e = statementEnd(T, a, close + 1);
    const j = skipDirectives(T, a, e);
    if (!(j < a.length && T.kind[a[j]] === IDENT && T.text[a[j]] === "else")) return e;
    const s = skipDirectives(T, a, j + 1);
    if (s + 1 < a.length && T.text[a[s]] === "if" && T.text[a[s + 1]] === "(") {
      k = s;
      continue;
    }
    return statementEnd(T, a, j + 1);
  }
}
function statementEnd(T, a, k) {
  k = skipDirectives(T, a, k);
  if (k >= a.length) return a.length;
  const t = a[k];
  const s = T.text[t];
  if (T.kind[t] === PUNCT && s === "{") {
    const close = matchForward(T, a, k);
    return close < 0 ? a.length : close + 1;
  }
  if (T.kind[t] === IDENT) {
    const paren = k + 1 < a.length && T.text[a[k + 1]] === "(";
    if (s === "if" && paren) return ifStatementEnd(T, a, k);
    if ((s === "for" || s === "while" || s === "switch") && paren) {
      const close = matchForward(T, a, k + 1);
      return close < 0 ? a.length : statementEnd(T, a, close + 1);
    }
    if (s === "do") return statementEnd(T, a, statementEnd(T, a, k + 1));
  }
  let depth = 0;
  for (let j = k; j < a.length; j++) {
    const u = a[j];
    if (T.kind[u] !== PUNCT) continue;
    const p = T.text[u];
    if (p === "(" || p === "[" || p === "{") depth++;
    else if (p === ")" || p === "]" || p === "}") {
      if (depth === 0) return j;
      depth--;
    } else if (p === ";" && depth === 0) return j + 1;
  }
  return a.length;
}

// src/surface/extract/code/partial-condition.ts
var TOKEN4 = /\s*(\d[\w.]*|[A-Za-z_]\w*|&&|\|\||==|!=|<=|>=|<<|>>|\S)/y;
function tokensOf2(condition) {
  const out2 = [];
  TOKEN4.lastIndex = 0;
  for (let m = TOKEN4.exec(condition); m; m = TOKEN4.exec(condition)) out2.push(m[1]);
  return out2;
}
function closing2(toks, open) {
  for (let k = open, depth = 0; k < toks.length; k++) {
    if (toks[k] === "(") depth++;
    else if (toks[k] === ")" && --depth === 0) return k;
  }
  return -1;
}
function splitAt(toks, op) {
  const parts2 = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t === "(") depth++;
    else if (t === ")") depth--;
    if (t === op && depth === 0) parts2.push([]);
    else parts2[parts2.length - 1].push(t);
  }
  return parts2;
}
function isPrimary(toks) {
  if (toks.length === 1) return /^[A-Za-z_]\w*$/.test(toks[0]);
  if (toks[0] === "defined") return toks.length === 2 || toks[1] === "(" && closing2(toks, 1) === toks.length - 1;
  const open = toks[0] === "(" ? 0 : /^[A-Za-z_]\w*$/.test(toks[0]) && toks[1] === "(" ? 1 : -1;
  return open >= 0 && closing2(toks, open) === toks.length - 1;
}
function and(a, b) {
  if ("value" in a) return a.value ? simplify(b) : a;
  if ("value" in b) return b.value ? { ...a, simplified: true } : b;
  return { text: `${a.text} && ${b.text}`, simplified: a.simplified || b.simplified };
}
function or(a, b) {
  if ("value" in a) return a.value ? a : simplify(b);
  if ("value" in b) return b.value ? b : { ...a, simplified: true };
  return { text: `${a.text} || ${b.text}`, simplified: a.simplified || b.simplified };
}
function simplify(p) {
  return "value" in p ? p : { ...p, simplified: true };
}
function partial(toks, atom) {
  const whole = () => {
    const v = atom(toks.join(" "));
    return v === null ? { text: toks.join(" "), simplified: false } : { value: v !== 0n };
  };
  if (!toks.length || toks.includes("?")) return whole();
  const ors = splitAt(toks, "||");
  if (ors.length > 1) return ors.map((p) => partial(p, atom)).reduce(or);
  const ands = splitAt(toks, "&&");
  if (ands.length > 1) return ands.map((p) => partial(p, atom)).reduce(and);
  if (toks[0] === "!" && isPrimary(toks.slice(1))) {
    const v = partial(toks.slice(1), atom);
    return "value" in v ? { value: !v.value } : { text: `! ${v.text}`, simplified: v.simplified };
  }
  if (toks[0] === "(" && closing2(toks, 0) === toks.length - 1) {
    const v = partial(toks.slice(1, -1), atom);
    return "value" in v ? v : { text: `( ${v.text} )`, simplified: v.simplified };
  }
  return whole();
}
function partialCondition(condition, atom) {
  return partial(tokensOf2(condition), atom);
}

// src/surface/extract/code/kernel-compat.ts
var VERSION_IDENTS = /* @__PURE__ */ new Set(["LINUX_VERSION_CODE", "KERNEL_VERSION", "UTS_UBUNTU_RELEASE_ABI"]);
var PROBE_IDENTS = /* @__PURE__ */ new Set([
  "__has_include",
  "__has_include_next",
  "BPF_FORBIDS_ZERO_ACCESS",
  "COS_73_WORKAROUND",
  "__COS_WORKAROUND__"
]);
var UAPI_FEATURE_MACRO = /^[A-Z][A-Z0-9]*_FEAT_[A-Z0-9_]+$/;
var ARCH_CONFIG = /^CONFIG_(COMPAT|IA32_EMULATION|X86(_64|_32)?|ARM(64)?|AEABI|S390|PPC(32|64)?|RISCV|LOONGARCH|MIPS|64BIT|32BIT)$/;
function compatKind(id) {
  if (VERSION_IDENTS.has(id) || id.includes("RHEL_RELEASE")) return "version";
  if (PROBE_IDENTS.has(id) || UAPI_FEATURE_MACRO.test(id) || id.startsWith("HAS_")) return "probe";
  if (id.startsWith("CONFIG_") && !ARCH_CONFIG.test(id)) return "config";
  return null;
}
function directiveCondition(text2) {
  const m = /^#(\w+)\s*(.*)$/.exec(text2);
  if (!m) return null;
  const [, name2, cond] = m;
  if (name2.endsWith("ndef")) return `!defined(${cond})`;
  if (name2.endsWith("def")) return `defined(${cond})`;
  return name2 === "if" || name2 === "elif" ? cond : null;
}
function markCompat(T) {
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE || T.pp[k] !== PP_IF && T.pp[k] !== PP_ELIF) continue;
    const cond = directiveCondition(T.text[k]);
    T.compat[k] = cond !== null && isCompatCondition(cond) ? 1 : 0;
  }
}
function isCompatCondition(condition) {
  const ids = condition.match(/[A-Za-z_]\w*/g) ?? [];
  for (let i2 = 0; i2 < ids.length; i2++) {
    const id = ids[i2];
    const kind2 = compatKind(id);
    if (kind2 === "version" || kind2 === "probe") return true;
    if (id === "defined" && /^[a-z][a-z0-9_]*$/.test(ids[i2 + 1] ?? "")) return true;
  }
  return false;
}
function conditionalGroups(T, minKernel = 0n) {
  const groups = /* @__PURE__ */ new Map();
  const stack = [];
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE) continue;
    const pp = T.pp[k];
    if (pp === PP_IF) stack.push({ at: k, group: { end: -1, compat: T.compat[k] === 1, branches: [k] } });
    else if (pp === PP_ELIF || pp === PP_ELSE) {
      const top = stack[stack.length - 1];
      if (!top) continue;
      top.group.branches.push(k);
      if (T.compat[k]) top.group.compat = true;
    } else if (pp === PP_ENDIF) {
      const top = stack.pop();
      if (!top) continue;
      const g = { ...top.group, end: k };
      if (g.compat) {
        const decided = decidedBranch(T, g, minKernel);
        if (decided !== void 0) g.decided = decided;
      }
      groups.set(top.at, g);
    }
  }
  return groups;
}
function isCoreCheck(T, t) {
  if (t === void 0 || T.kind[t] !== IDENT) return false;
  const s = T.text[t];
  return s.startsWith("bpf_core_") && !s.startsWith("bpf_core_read");
}
var FEATURE_CHECK_GLUE = /* @__PURE__ */ new Set(["!", "&&", "||", "(", ")", "==", "!="]);
function isFeatureCheck(T, a, open, close) {
  const checked = /* @__PURE__ */ new Set();
  const rest = [];
  for (let j = open + 1; j < close; j++) {
    const t = a[j];
    if (isCoreCheck(T, t) && T.text[a[j + 1]] === "(") {
      const end = matchForward(T, a, j + 1);
      if (end < 0 || end >= close) return false;
      for (let k = j + 2; k < end; k++) if (T.kind[a[k]] === IDENT) checked.add(T.text[a[k]]);
      j = end;
    } else rest.push(t);
  }
  const constant = (t) => T.kind[t] === NUMBER || T.kind[t] === IDENT && (/^[A-Z][A-Z0-9_]*$/.test(T.text[t]) || checked.has(T.text[t]));
  return checked.size > 0 && rest.every((t) => FEATURE_CHECK_GLUE.has(T.text[t]) || constant(t));
}
var KERNEL_MAX2 = 0x7fffffffn;
function oldestBuilds(minKernel) {
  return [
    { kernel: minKernel, probes: false, config: false },
    { kernel: minKernel, probes: false, config: true },
    { kernel: minKernel, probes: true, config: false },
    { kernel: minKernel, probes: true, config: true }
  ];
}
var NEWEST = { kernel: KERNEL_MAX2, probes: true, config: true };
var KERNEL_MACROS = record({
  KERNEL_VERSION: {
    name: "KERNEL_VERSION",
    params: ["a", "b", "c"],
    body: "(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))"
  },
  IS_ENABLED: { name: "IS_ENABLED", params: ["x"], body: "(x)" },
  IS_BUILTIN: { name: "IS_BUILTIN", params: ["x"], body: "(x)" }
});
function defines2(id, build) {
  const kind2 = compatKind(id);
  if (kind2 === "probe" || kind2 === null && /^[a-z]/.test(id)) return build.probes;
  return kind2 === "config" && build.config;
}
function knows(id) {
  return compatKind(id) !== null || /^[a-z]/.test(id);
}
function kernelMacros(build) {
  const get = (name2) => name2 === "LINUX_VERSION_CODE" ? { name: name2, params: null, body: String(build.kernel) } : KERNEL_MACROS[name2];
  return { get, has: (n) => get(n) !== void 0 };
}
function decide(condition, build) {
  const key = `${build.kernel}:${Number(build.probes)}${Number(build.config)}:${condition}`;
  let hit = decisions.get(key);
  if (!hit) {
    if (decisions.size >= MEMO_ENTRIES) decisions.clear();
    decisions.set(key, hit = decideNow(condition, build));
  }
  return hit;
}
var decisions = /* @__PURE__ */ new Map();
function decideNow(condition, build) {
  const macros = kernelMacros(build);
  return partialCondition(
    condition,
    (expr) => evaluate(expr, {
      macros,
      enumerators: /* @__PURE__ */ new Map(),
      isDefined: (n) => macros.has(n) ? true : knows(n) ? defines2(n, build) : null,
      identifier: (n) => knows(n) ? defines2(n, build) ? 1n : 0n : null,
      hasInclude: () => build.probes
    })
  );
}
function evalCondition(condition, build, onValue) {
  const macros = kernelMacros(build);
  const v = evaluate(condition, {
    macros,
    enumerators: /* @__PURE__ */ new Map(),
    isDefined: (n) => macros.has(n) || defines2(n, build),
    identifier: (n) => defines2(n, build) ? 1n : 0n,
    hasInclude: () => build.probes,
    ...onValue ? { onValue } : {}
  });
  return v !== null && v !== 0n;
}
function decidedBranch(T, g, minKernel) {
  const conds = g.branches.map((d) => directiveCondition(T.text[d]));
  const seen = [];
  for (const c of conds) if (c !== null) evalCondition(c, oldestBuilds(minKernel)[0], (v) => seen.push(v));
  const samples = /* @__PURE__ */ new Set([minKernel, KERNEL_MAX2]);
  for (const v of seen) for (const x of [v - 1n, v, v + 1n]) if (x > minKernel && x < KERNEL_MAX2) samples.add(x);
  let choice;
  for (const kernel of samples) {
    for (const { probes, config } of oldestBuilds(0n)) {
      const parts2 = conds.map((c) => c === null ? { value: true } : decide(c, { kernel, probes, config }));
      if (parts2.some((p) => !("value" in p))) return void 0;
      const i2 = parts2.findIndex((p) => "value" in p && p.value);
      if (choice === void 0) choice = i2;
      else if (choice !== i2) return void 0;
    }
  }
  return choice;
}
function branchConditions(T, g, build) {
  return g.branches.map((d) => {
    const cond = directiveCondition(T.text[d]);
    return cond === null ? { value: true } : decide(cond, build);
  });
}
function mayCompile(T, g, b, build) {
  const parts2 = branchConditions(T, g, build);
  const ruledOut = (p) => "value" in p && !p.value;
  return !ruledOut(parts2[b]) && !parts2.slice(0, b).some((p) => "value" in p && p.value);
}
function synthetic(T, text2, pp) {
  let memo = syntheticTokens.get(T);
  if (!memo) syntheticTokens.set(T, memo = /* @__PURE__ */ new Map());
  let t = memo.get(text2);
  if (t === void 0) {
    t = T.n;
    T.push(DIRECTIVE, text2, 0, pp);
    memo.set(text2, t);
  }
  return t;
}
var syntheticTokens = /* @__PURE__ */ new WeakMap();
function resolveGroup(T, a, g, build, groups, out2) {
  const base = a[0];
  const marks = [...g.branches, g.end];
  const parts2 = branchConditions(T, g, build);
  let kept = 0;
  for (let b = 0; b < g.branches.length; b++) {
    const d = g.branches[b];
    const p = parts2[b];
    if ("value" in p && !p.value) continue;
    if ("value" in p) {
      if (kept) out2.push(T.pp[d] === PP_ELSE ? d : synthetic(T, "#else", PP_ELSE));
      resolveVariant(T, a, d + 1 - base, marks[b + 1] - base, build, groups, out2);
      break;
    }
    const same = !p.simplified && b === 0 === (kept === 0);
    out2.push(same ? d : synthetic(T, `${kept ? "#elif" : "#if"} ${p.text}`, kept ? PP_ELIF : PP_IF));
    kept++;
    resolveVariant(T, a, d + 1 - base, marks[b + 1] - base, build, groups, out2);
  }
  if (kept) out2.push(g.end);
}
function closingDirectives(T, a, groups, thenEnd, elseAt, end) {
  const base = a[0];
  const reach = skipDirectives(T, a, end);
  let after = end;
  for (let k = thenEnd; k < elseAt; k++) {
    const g = T.pp[a[k]] === PP_IF ? groups.get(a[k]) : void 0;
    if (g && g.end - base < reach) after = Math.max(after, g.end - base + 1);
  }
  return after;
}
function resolveVariant(T, a, from, to, build, groups, out2) {
  const base = a[0];
  for (let p = from; p < to; p++) {
    const t = a[p];
    if (T.pp[t] === PP_IF) {
      const g = groups.get(t);
      if (g?.compat && g.end <= a[to - 1]) {
        resolveGroup(T, a, g, build, groups, out2);
        p = g.end - base;
        continue;
      }
    }
    if (T.kind[t] === IDENT && T.text[t] === "if" && p + 1 < to && T.text[a[p + 1]] === "(") {
      const close = matchForward(T, a, p + 1);
      if (isFeatureCheck(T, a, p + 1, close)) {
        const thenEnd = statementEnd(T, a, close + 1);
        const j = skipDirectives(T, a, thenEnd);
        const hasElse = j < a.length && T.kind[a[j]] === IDENT && T.text[a[j]] === "else";
        const end = hasElse ? statementEnd(T, a, j + 1) : thenEnd;
        const negated = T.text[a[p + 2]] === "!" && isCoreCheck(T, a[p + 3]) && matchForward(T, a, p + 4) === close - 1;
        const then = build.probes !== negated;
        let [b0, b1] = then ? [close + 1, thenEnd] : hasElse ? [j + 1, end] : [0, 0];
        b0 = skipDirectives(T, a, b0);
        if (b1 - b0 >= 2 && T.text[a[b0]] === "{" && matchForward(T, a, b0) === b1 - 1) {
          b0++;
          b1--;
        }
        if (b1 > b0) resolveVariant(T, a, b0, b1, build, groups, out2);
        p = closingDirectives(T, a, groups, thenEnd, j, end) - 1;
        continue;
      }
    }
    out2.push(t);
  }
}

// src/surface/extract/code/normalise.ts
var STATEMENT_WORDS = /* @__PURE__ */ new Set([
  "return",
  "goto",
  "break",
  "continue",
  "case",
  "default",
  "else",
  "do",
  "if",
  "for",
  "while",
  "switch",
  "sizeof",
  "typeof",
  "__typeof__",
  "asm",
  "__asm__"
]);
var CONTROL = /* @__PURE__ */ new Set(["if", "for", "while", "switch"]);
var STATIC = "static";
var text = (c, p) => c.T.text[c.a[p]];
var kind = (c, p) => c.T.kind[c.a[p]];
var isPunct = (c, p, s) => p < c.a.length && kind(c, p) === PUNCT && text(c, p) === s;
function normaliseFunction(T, a, leaveOut = {}) {
  let open = -1;
  for (let p = 0, depth = 0; p < a.length; p++) {
    if (T.kind[a[p]] !== PUNCT) continue;
    const s = T.text[a[p]];
    if (s === "(") depth++;
    else if (s === ")") depth--;
    else if (s === "{" && depth === 0) {
      open = p;
      break;
    }
  }
  if (open < 0) return a;
  const close = matchForward(T, a, open);
  if (close < 0) return a;
  const c = {
    T,
    a,
    leaveOut,
    leaving: Boolean(leaveOut.counters || leaveOut.tailCalls),
    types: /* @__PURE__ */ new Map(),
    hoisted: [],
    out: []
  };
  parameterTypes(c, open);
  walk(c, open + 1, close);
  c.hoisted.sort(
    (x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : x.type() < y.type() ? -1 : x.type() > y.type() ? 1 : 0
  );
  const out2 = [];
  for (let p = 0; p <= open; p++) if (!(kind(c, p) === IDENT && text(c, p) === STATIC)) out2.push(a[p]);
  for (const h of c.hoisted) for (const t of h.tokens) out2.push(t);
  dropIdentityCasts(c, c.out, out2);
  for (let p = close; p < a.length; p++) out2.push(a[p]);
  return out2;
}
function nextMention(c, p) {
  const name2 = text(c, p);
  for (let q = p + 1; q < c.a.length; q++) {
    if (kind(c, q) !== IDENT || text(c, q) !== name2) continue;
    const prev = text(c, q - 1);
    if (prev !== "->" && prev !== ".") return q;
  }
  return -1;
}
function parameterTypes(c, open) {
  let close = open - 1;
  while (close >= 0 && !isPunct(c, close, ")")) close--;
  if (close < 0) return;
  let p = close;
  for (let depth = 0; p >= 0; p--) {
    if (isPunct(c, p, ")")) depth++;
    else if (isPunct(c, p, "(") && --depth === 0) break;
  }
  let start2 = p + 1;
  for (let q = p + 1; q <= close; q++) {
    if (q === close || isPunct(c, q, ",")) {
      const decl = parseDeclarator(c, start2, q);
      if (decl) c.types.set(text(c, decl.declarator.name), decl);
      start2 = q + 1;
    }
  }
}
function typeText(c, type, d) {
  const words = [];
  for (const p of type) if (text(c, p) !== STATIC) words.push(text(c, p));
  for (const p of d.stars) words.push(text(c, p));
  for (const p of d.dims) words.push(text(c, p));
  return words.join(" ");
}
function walkOne(c, p, to) {
  while (p < to && kind(c, p) === DIRECTIVE) c.out.push(c.a[p++]);
  if (p >= to) return to;
  const s = text(c, p);
  if (isPunct(c, p, "{")) {
    const close = matchForward(c.T, c.a, p);
    if (close < 0 || close >= to) return copy(c, p, to);
    c.out.push(c.a[p]);
    walk(c, p + 1, close);
    c.out.push(c.a[close]);
    return close + 1;
  }
  if (kind(c, p) === IDENT) {
    if (s === "case" || s === "default" && isPunct(c, p + 1, ":")) {
      let q = p;
      while (q < to && !isPunct(c, q, ":")) q++;
      return copy(c, p, Math.min(q + 1, to));
    }
    if (!STATEMENT_WORDS.has(s) && isPunct(c, p + 1, ":") && !isPunct(c, p + 2, ":")) return copy(c, p, p + 2);
    if (CONTROL.has(s) && isPunct(c, p + 1, "(")) {
      const close = matchForward(c.T, c.a, p + 1);
      if (close < 0 || close >= to) return copy(c, p, to);
      const mark = c.out.length;
      copy(c, p, close + 1);
      const header = c.out.length;
      let q = walkOne(c, close + 1, to);
      let thenEmpty = isEmptyStatement(c, header);
      if (s === "if") {
        let e = q;
        while (e < to && kind(c, e) === DIRECTIVE) e++;
        if (e < to && text(c, e) === "else" && kind(c, e) === IDENT) {
          const elseMark = c.out.length;
          copy(c, q, e + 1);
          const elseBody = c.out.length;
          q = walkOne(c, e + 1, to);
          if (isEmptyStatement(c, elseBody)) c.out.length = elseMark;
          else thenEmpty = false;
        }
      }
      const nothingLeft = s === "if" ? thenEmpty : s === "switch" && c.leaving && onlyLabels(c, header);
      if (nothingLeft && isPure(c, p + 2, close)) c.out.length = mark;
      return q;
    }
    if (s === "do") {
      c.out.push(c.a[p]);
      return walkOne(c, p + 1, to);
    }
  }
  const end = Math.min(statementEnd(c.T, c.a, p), to);
  simpleStatement(c, p, end);
  return Math.max(end, p + 1);
}
function walk(c, from, to) {
  for (let p = from; p < to; ) p = walkOne(c, p, to);
}
function copy(c, from, to) {
  for (let p = from; p < to; p++) c.out.push(c.a[p]);
  return to;
}
function simpleStatement(c, from, to) {
  if (to - from >= 4 && kind(c, from) === IDENT && DEBUG_OUTPUT.has(text(c, from)) && isPunct(c, to - 1, ";") && isPunct(c, from + 1, "(") && matchForward(c.T, c.a, from + 1) === to - 2) {
    return;
  }
  if (c.leaveOut.counters && isCounterUpdate(c, from, to)) return;
  if (c.leaveOut.tailCalls && text(c, from) === TAIL_CALL && isPunct(c, from + 1, "(") && matchForward(c.T, c.a, from + 1) === to - 2)
    return;
  const decl = parseDeclaration(c, from, to);
  if (!decl) {
    copy(c, from, to);
    return;
  }
  for (const d of decl.declarators) c.types.set(text(c, d.name), { type: decl.type, declarator: d });
  const fates = decl.declarators.map((d) => fate(c, decl, d, to));
  if (fates.some((f) => f === "stay")) {
    copy(c, from, to);
    return;
  }
  decl.declarators.forEach((d, i2) => {
    if (fates[i2] === "drop") return;
    c.hoisted.push({
      name: text(c, d.name),
      type: () => typeText(c, decl.type, d),
      tokens: [...decl.type, ...d.stars, d.name, ...d.dims, decl.semi].map((p) => c.a[p])
    });
  });
}
function fate(c, decl, d, end) {
  const later = nextMention(c, d.name);
  const constant = d.init === null || isZero(c, d.init) || d.init.length === 1 && kind(c, d.init[0]) === NUMBER;
  if (later < 0 && constant) return "drop";
  if (d.init === null) return "hoist";
  const scalar2 = !d.dims.length && (d.stars.length > 0 || !["struct", "union"].includes(text(c, decl.type[0])));
  return scalar2 && isZero(c, d.init) && overwrittenFirst(c, later, end) ? "hoist" : "stay";
}
function isZero(c, init2) {
  if (init2.length !== 1 && init2.length !== 5) return false;
  const s = init2.map((p) => text(c, p)).join(" ");
  return /^(0[uUlL]*|NULL|false|\( void \* \) 0)$/.test(s);
}
function overwrittenFirst(c, p, end) {
  let s = p;
  for (let depth = 0; s > end; s--) {
    const q = s - 1;
    if (kind(c, q) === DIRECTIVE) break;
    if (kind(c, q) !== PUNCT) continue;
    const t = text(c, q);
    if (t === ")") depth++;
    else if (t === "(") depth--;
    else if ((t === ";" || t === "{" || t === "}") && depth <= 0) break;
  }
  for (let q = end, depth = 0; q < s; q++) {
    if (isPunct(c, q, "{")) depth++;
    else if (isPunct(c, q, "}") && --depth < 0) return false;
    if (q === s - 1 && depth !== 0) return false;
  }
  if (kind(c, s) === IDENT && STATEMENT_WORDS.has(text(c, s)) && text(c, s) !== "return") return false;
  const stop2 = statementEnd(c.T, c.a, s);
  const again = nextMention(c, p) >= 0 && nextMention(c, p) < stop2;
  if (p === s) return isPunct(c, p + 1, "=") && !again;
  const argument = isPunct(c, p - 1, "&") && (isPunct(c, p - 2, "(") || isPunct(c, p - 2, ",")) && (isPunct(c, p + 1, ")") || isPunct(c, p + 1, ","));
  let conditional = false;
  for (let q = s; q < p; q++) if (kind(c, q) === PUNCT && ["&&", "||", "?"].includes(text(c, q))) conditional = true;
  return argument && !again && !conditional;
}
function parseDeclaration(c, from, to) {
  if (to - from < 3 || !isPunct(c, to - 1, ";") || kind(c, from) !== IDENT || STATEMENT_WORDS.has(text(c, from)))
    return null;
  if (kind(c, from + 1) !== IDENT && !isPunct(c, from + 1, "*")) return null;
  const first = parseDeclarator(c, from, indexOfTopLevel(c, from, to - 1, ","));
  if (!first) return null;
  const declarators = [first.declarator];
  let p = indexOfTopLevel(c, from, to - 1, ",");
  while (p < to - 1) {
    const next = indexOfTopLevel(c, p + 1, to - 1, ",");
    const d = parseDeclaratorAfterType(c, p + 1, next);
    if (!d) return null;
    declarators.push(d);
    p = next;
  }
  return { type: first.type, declarators, semi: to - 1 };
}
function indexOfTopLevel(c, from, to, s) {
  for (let p = from, depth = 0; p < to; p++) {
    if (kind(c, p) !== PUNCT) continue;
    const t = text(c, p);
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") depth--;
    else if (t === s && depth === 0) return p;
  }
  return to;
}
function parseDeclarator(c, from, to) {
  const type = [];
  let p = from;
  while (p < to && kind(c, p) === IDENT && (kind(c, p + 1) === IDENT || isPunct(c, p + 1, "*"))) type.push(p++);
  if (!type.length) return null;
  const d = parseDeclaratorAfterType(c, p, to);
  return d ? { type, declarator: d } : null;
}
function parseDeclaratorAfterType(c, from, to) {
  let p = from;
  const stars = [];
  while (p < to && isPunct(c, p, "*")) stars.push(p++);
  if (p >= to || kind(c, p) !== IDENT || STATEMENT_WORDS.has(text(c, p))) return null;
  const name2 = p++;
  const dims = [];
  while (p < to && isPunct(c, p, "[")) {
    const close = matchForward(c.T, c.a, p);
    if (close < 0 || close >= to) return null;
    for (let q = p; q <= close; q++) dims.push(q);
    p = close + 1;
  }
  if (p === to) return { stars, name: name2, dims, init: null };
  if (!isPunct(c, p, "=") || p + 1 >= to) return null;
  const init2 = [];
  for (let q = p + 1; q < to; q++) init2.push(q);
  return { stars, name: name2, dims, init: init2 };
}
function dropIdentityCasts(c, body2, out2) {
  const T = c.T;
  for (let i2 = 0; i2 < body2.length; i2++) {
    const t = body2[i2];
    if (T.kind[t] === PUNCT && T.text[t] === "(" && !(i2 > 0 && (T.kind[body2[i2 - 1]] === IDENT || [")", "]"].includes(T.text[body2[i2 - 1]])))) {
      let j = i2 + 1;
      const words = [];
      while (j < body2.length && T.kind[body2[j]] === IDENT) words.push(T.text[body2[j++]]);
      while (j < body2.length && T.kind[body2[j]] === PUNCT && T.text[body2[j]] === "*") words.push(T.text[body2[j++]]);
      if (words.length && j < body2.length && T.text[body2[j]] === ")") {
        const address = T.text[body2[j + 1]] === "&";
        const n = body2[j + (address ? 2 : 1)];
        const after = body2[j + (address ? 3 : 2)];
        const decl = n !== void 0 && T.kind[n] === IDENT ? c.types.get(T.text[n]) : void 0;
        const declared = decl && typeText(c, decl.type, decl.declarator);
        const postfix = after !== void 0 && ["->", ".", "[", "(", "++", "--"].includes(T.text[after]);
        if (declared !== void 0 && !postfix && words.join(" ") === (address ? `${declared} *` : declared)) {
          i2 = j;
          continue;
        }
      }
    }
    out2.push(t);
  }
}
function isCounterUpdate(c, from, to) {
  if (!isPunct(c, to - 1, ";")) return false;
  let p = from;
  const prefix = isPunct(c, p, "++") || isPunct(c, p, "--");
  if (prefix) p++;
  if (kind(c, p) !== IDENT) return false;
  p++;
  let last = "";
  while (p < to - 1) {
    if ((isPunct(c, p, "->") || isPunct(c, p, ".")) && kind(c, p + 1) === IDENT) {
      last = text(c, p + 1);
      p += 2;
    } else if (isPunct(c, p, "[")) {
      const close = matchForward(c.T, c.a, p);
      if (close < 0 || close >= to) return false;
      last = "";
      p = close + 1;
    } else break;
  }
  if (!isCounterField(last)) return false;
  if (p === to - 1) return prefix;
  if (prefix) return false;
  if ((isPunct(c, p, "++") || isPunct(c, p, "--")) && p === to - 2) return true;
  return ["=", "+=", "-="].some((op) => isPunct(c, p, op)) && p + 1 < to - 1;
}
function isEmptyStatement(c, from) {
  const n = c.out.length - from;
  const at = (i2) => c.T.text[c.out[from + i2]];
  return n === 0 || n === 1 && at(0) === ";" || n === 2 && at(0) === "{" && at(1) === "}";
}
function onlyLabels(c, from) {
  const rest = c.out.slice(from).map((t) => c.T.text[t]);
  if (rest[0] !== "{" || rest[rest.length - 1] !== "}") return false;
  for (let i2 = 1; i2 < rest.length - 1; ) {
    if (rest[i2] === "break" && rest[i2 + 1] === ";") i2 += 2;
    else if (rest[i2] === "default" && rest[i2 + 1] === ":") i2 += 2;
    else if (rest[i2] === "case") {
      while (i2 < rest.length - 1 && rest[i2] !== ":") i2++;
      i2++;
    } else return false;
  }
  return true;
}
function isPure(c, from, to) {
  for (let p = from; p < to; p++) {
    if (kind(c, p) === PUNCT && ASSIGNMENTS.has(text(c, p))) return false;
    if (kind(c, p) === IDENT && isPunct(c, p + 1, "(") && !NOT_CALLS.has(text(c, p))) return false;
  }
  return true;
}

// src/surface/extract/code/boundary.ts
var EXPRESSION_FOLLOWS = /* @__PURE__ */ new Set(["return", "case", "else", "do", "goto", "sizeof", "typeof", "__typeof__"]);
var EVENT_CODE = /^PPME_\w+$/;
var C_WORDS = /* @__PURE__ */ new Set([
  ...NOT_CALLS,
  "else",
  "do",
  "goto",
  "break",
  "continue",
  "default",
  "struct",
  "union",
  "enum",
  "typedef",
  "extern",
  "void",
  "char",
  "short",
  "int",
  "long",
  "float",
  "double",
  "signed",
  "unsigned",
  "bool",
  "_Bool",
  "true",
  "false",
  "NULL",
  "size_t",
  "ssize_t",
  ...[8, 16, 32, 64].flatMap((bits3) => [`int${bits3}_t`, `uint${bits3}_t`])
]);
function boundaryFacts(T, start2, end, name2) {
  let body2 = start2;
  for (let depth = 0; body2 <= end; body2++) {
    if (T.kind[body2] !== PUNCT) continue;
    const s = T.text[body2];
    if (s === "(") depth++;
    else if (s === ")") depth--;
    else if (s === "{" && depth === 0) break;
  }
  const calls = /* @__PURE__ */ new Set();
  const names2 = /* @__PURE__ */ new Set();
  const declared = /* @__PURE__ */ new Set();
  const counters = /* @__PURE__ */ new Set();
  const events = /* @__PURE__ */ new Set();
  const macroNames = /* @__PURE__ */ new Set();
  const marks = /* @__PURE__ */ new Set();
  if (PARAM_WRITER.test(name2) && !HEADER_WRITER.test(name2)) marks.add("param");
  if (HEADER_WRITER.test(name2)) marks.add("header");
  for (let k = start2; k < body2; k++)
    if (T.kind[k] === IDENT && (T.text[k + 1] === "," || T.text[k + 1] === ")")) declared.add(T.text[k]);
  const callParens = [];
  let inCall = 0;
  for (let k = body2 + 1; k < end; k++) {
    if (T.kind[k] === DIRECTIVE) {
      for (const id of T.text[k].slice(1).match(/[A-Za-z_]\w*/g)?.slice(1) ?? [])
        if (id !== "defined") macroNames.add(id);
      continue;
    }
    if (T.kind[k] === PUNCT) {
      if (T.text[k] === "(") {
        const call = T.kind[k - 1] === IDENT && !NOT_CALLS.has(T.text[k - 1]);
        callParens.push(call);
        if (call) inCall++;
      } else if (T.text[k] === ")" && callParens.pop()) inCall--;
      continue;
    }
    if (T.kind[k] !== IDENT) continue;
    const s = T.text[k];
    const prev = T.text[k - 1];
    if (EVENT_CODE.test(s)) {
      if (inCall > 0) {
        marks.add("event");
        events.add(s);
      } else if (prev === "=" && T.kind[k - 1] === PUNCT) events.add(s);
    }
    const next = T.text[k + 1];
    const field = T.kind[k - 1] === PUNCT && (prev === "->" || prev === ".");
    if (field) {
      if (isCounterField(s) && isUpdated(T, k)) counters.add(s);
      continue;
    }
    if (s === HEADER_STRUCT) marks.add("header");
    if (next === "(" && T.kind[k + 1] === PUNCT) {
      if (NOT_CALLS.has(s) || DEBUG_OUTPUT.has(s)) continue;
      calls.add(s);
      const mark = markOfCall(s);
      if (mark) marks.add(mark);
      continue;
    }
    if (isMacroCase(s) && !EVENT_CODE.test(s) && !DEBUG_OUTPUT.has(s)) macroNames.add(s);
    if (C_WORDS.has(s) || isMacroCase(s) || prev === "struct" || prev === "union" || prev === "enum" || prev === "goto")
      continue;
    const before = isTypeWord2(T, k - 1) || prev === "*" && (isTypeWord2(T, k - 2) || T.text[k - 2] === "*");
    if (before && (next === "=" || next === ";" || next === "," || next === "[" || next === ")")) {
      declared.add(s);
      continue;
    }
    if (T.kind[k + 1] === IDENT || next === "*" && T.kind[k + 2] === IDENT) continue;
    names2.add(s);
  }
  const globals = [...names2].filter((n) => !declared.has(n) && !calls.has(n)).sort();
  return {
    calls: [...calls].sort(),
    globals,
    marks: [...marks].sort(),
    counters: [...counters].sort(),
    events: [...events].sort(),
    macroNames: [...macroNames].sort()
  };
}
var callMarks = /* @__PURE__ */ new Map();
function markOfCall(name2) {
  let mark = callMarks.get(name2);
  if (mark === void 0) {
    mark = HEADER_WRITER.test(name2) ? "header" : PARAM_WRITER.test(name2) ? "param" : TRANSPORT.has(name2) ? "transport" : MAP_ACCESS.has(name2) ? "map" : name2 === TAIL_CALL ? "tail-call" : null;
    if (callMarks.size < 1e5) callMarks.set(name2, mark);
  }
  return mark;
}
function isMacroCase(s) {
  for (let i2 = 0; i2 < s.length; i2++) {
    const c = s.charCodeAt(i2);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}
function isTypeWord2(T, t) {
  return T.kind[t] === IDENT && !EXPRESSION_FOLLOWS.has(T.text[t]);
}
function isUpdated(T, k) {
  const next = T.text[k + 1];
  if (T.kind[k + 1] === PUNCT && ["++", "--", "+=", "-=", "="].includes(next)) return true;
  let p = k - 1;
  while (p > 0 && (T.kind[p] === IDENT || T.text[p] === "->" || T.text[p] === ".")) p--;
  return T.kind[p] === PUNCT && (T.text[p] === "++" || T.text[p] === "--");
}
function doesNothing(T, list) {
  let p = 0;
  for (let depth = 0; p < list.length; p++) {
    const s = T.text[list[p]];
    if (T.kind[list[p]] !== PUNCT) continue;
    if (s === "(") depth++;
    else if (s === ")") depth--;
    else if (s === "{" && depth === 0) break;
  }
  for (p++; p < list.length; p++) {
    const t = list[p];
    if (T.kind[t] === PUNCT && ASSIGNMENTS.has(T.text[t])) return false;
    if (T.kind[t] === IDENT && T.text[list[p + 1]] === "(" && !NOT_CALLS.has(T.text[t])) return false;
  }
  return true;
}

// src/surface/extract/code/defines.ts
var IDENTIFIER = /[A-Za-z_]\w*/g;
function defineFacts(T, source) {
  const out2 = [];
  const groups = [];
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE) continue;
    const pp = T.pp[k];
    if (pp === PP_IF) groups.push({ at: k, branch: 0 });
    else if (pp === PP_ELIF || pp === PP_ELSE) {
      const top = groups[groups.length - 1];
      if (top) top.branch++;
    } else if (pp === PP_ENDIF) groups.pop();
    else {
      const m = /^#(define|undef) ([A-Za-z_]\w*)(.*)$/.exec(T.text[k]);
      if (!m) continue;
      const [, kind2, name2, rest] = m;
      const head = new RegExp(`^(?:#|%:)[ \\t]*define[ \\t]+${name2}\\(`).exec(
        source.slice(T.at[k], T.at[k] + name2.length + 64)
      );
      const functionLike = kind2 === "define" && head !== null;
      let body2 = rest;
      let params = [];
      if (functionLike) {
        const close = rest.indexOf(")");
        params = rest.slice(0, close < 0 ? rest.length : close).match(IDENTIFIER) ?? [];
        body2 = close < 0 ? "" : rest.slice(close + 1);
      }
      const mentions = [...new Set(body2.match(IDENTIFIER) ?? [])].filter((id) => id !== name2 && !params.includes(id)).sort();
      const text2 = kind2 === "undef" ? `#undef ${name2}` : functionLike ? T.text[k] : `#define ${name2} =${rest}`;
      out2.push({ name: name2, at: T.at[k], text: text2, mentions, scope: groups.map((g) => ({ ...g })) });
    }
  }
  return out2;
}

// src/surface/extract/code/header-writes.ts
var HEADER_STRUCT2 = "ppm_evt_hdr";
function valueAfter(T, op, end) {
  const out2 = [];
  for (let k = op + 1, depth = 0; k < end; k++) {
    if (T.kind[k] === DIRECTIVE) continue;
    if (T.kind[k] === PUNCT) {
      const s = T.text[k];
      if (s === "(" || s === "[" || s === "{") depth++;
      else if (s === ")" || s === "]" || s === "}") {
        if (depth-- === 0) break;
      } else if ((s === ";" || s === ",") && depth === 0) break;
    }
    out2.push(k);
  }
  return out2;
}
function isZeroInit(T, value) {
  const s = value.map((k) => T.text[k]).join(" ");
  return s === "{ 0 }" || s === "{ }";
}
function headerWrites(T, start2, end) {
  const headers = /* @__PURE__ */ new Set();
  for (let k = start2 + 1; k <= end; k++) {
    if (T.text[k] !== HEADER_STRUCT2 || T.text[k - 1] !== "struct") continue;
    let j = k + 1;
    while (j <= end && T.text[j] === "*") j++;
    if (j <= end && T.kind[j] === IDENT && T.text[j + 1] !== ")" && T.text[j + 1] !== "(") headers.add(T.text[j]);
  }
  if (!headers.size) return [];
  const writes = /* @__PURE__ */ new Set();
  const followed = /* @__PURE__ */ new Set();
  const queue = [];
  let bounded = false;
  const follow = (value) => {
    for (let i2 = 0; i2 < value.length; i2++) {
      const k = value[i2];
      const prev = T.text[k - 1];
      if (T.kind[k] !== IDENT || T.text[k + 1] === "(" || prev === "->" || prev === "." || headers.has(T.text[k]))
        continue;
      const name2 = T.text[k];
      if (followed.has(name2)) continue;
      if (followed.size >= MAX_HEADER_LOCALS) {
        bounded = true;
        continue;
      }
      followed.add(name2);
      queue.push(name2);
    }
  };
  const text2 = (list) => list.map((k) => T.text[k]).join(" ");
  for (let k = start2; k <= end; k++) {
    if (T.kind[k] !== IDENT || !headers.has(T.text[k]) || T.text[k - 1] === "->" || T.text[k - 1] === ".") continue;
    const access = T.text[k + 1];
    if ((access === "->" || access === ".") && T.kind[k + 2] === IDENT && T.kind[k + 3] === PUNCT && ASSIGNMENTS.has(T.text[k + 3])) {
      const value = valueAfter(T, k + 3, end);
      writes.add(`${T.text[k + 2]} ${T.text[k + 3]} ${text2(value)}`);
      follow(value);
    } else if (access === "=" && T.text[k - 1] !== "(") {
      const value = valueAfter(T, k + 1, end);
      if (!isZeroInit(T, value) && T.text[value[0]] === "{") {
        writes.add(`= ${text2(value)}`);
        follow(value);
      }
    }
  }
  while (queue.length) {
    const name2 = queue.shift();
    for (let k = start2; k <= end; k++) {
      if (T.kind[k] !== IDENT || T.text[k] !== name2 || T.text[k - 1] === "->" || T.text[k - 1] === ".") continue;
      let op = k + 1;
      let target = name2;
      while ((T.text[op] === "." || T.text[op] === "->") && T.kind[op + 1] === IDENT) {
        target += `${T.text[op]}${T.text[op + 1]}`;
        op += 2;
      }
      if (T.kind[op] !== PUNCT || !ASSIGNMENTS.has(T.text[op])) continue;
      const value = valueAfter(T, op, end);
      writes.add(`${target} ${T.text[op]} ${text2(value)}`);
      follow(value);
    }
  }
  return bounded ? null : [...writes].sort();
}

// src/surface/extract/code-bodies.ts
var CODE_FILES = [
  // Kernel module: the fillers and the payload helpers (val_to_ring, pack_addr, ...), and the
  // event path of main.c (the tracepoint probes, the event header, the drop and sampling
  // decisions). main.c is also read as text for its module parameters (files.ts).
  /^driver\/ppm_fillers\.c$/,
  /^driver\/main\.c$/,
  /^driver\/ppm_events\.c$/,
  /^driver\/ppm_events\.h$/,
  // Flag conversions (open_flags_to_scap, ...) used by every driver's fillers.
  /^driver\/ppm_flag_helpers\.h$/,
  // Modern eBPF probe: programs and the helpers that build payloads (never definitions/).
  /^driver\/modern_bpf\/programs\/.+\.bpf\.c$/,
  /^driver\/modern_bpf\/helpers\/.+\.h$/,
  // Legacy eBPF probe (until c5ea0da85): fillers and their helpers; maps.h, types.h,
  // bpf_helpers.h, builtins.h, quirks.h and missing_definitions.h declare, they do not fill.
  /^driver\/bpf\/(fillers|filler_helpers|ring_helpers|plumbing_helpers)\.h$/
];
var PLUMBING_FILES = [/^driver\/main\.c$/];
function isPlumbingFile(path4) {
  return PLUMBING_FILES.some((re) => re.test(path4));
}
function undecidedRole(path4) {
  return isPlumbingFile(path4) ? "transport" : "filler";
}
function isCodeFile(path4) {
  return CODE_FILES.some((re) => re.test(path4));
}
function probeOf(path4) {
  if (path4.startsWith("driver/modern_bpf/")) return "modern";
  if (path4.startsWith("driver/bpf/")) return "legacy";
  if (/^driver\/[^/]+\.c$/.test(path4) || path4 === "driver/ppm_events.h") return "kmod";
  return "shared";
}
function digest(texts) {
  return createHash2("sha1").update(texts.join("\0")).digest("hex").slice(0, 16);
}
var codeDigest = digest;
function boundaryOf(list, hash) {
  const out2 = {};
  const merged = (key) => list.length === 1 ? list[0].boundary[key] : [...new Set(list.flatMap((e) => e.boundary[key]))].sort();
  const calls = merged("calls");
  const globals = merged("globals");
  const marks = merged("marks");
  const counters = merged("counters");
  const events = merged("events");
  const macroNames = merged("macroNames");
  if (events.length) out2.events = events.join(" ");
  if (macroNames.length) out2.macroNames = macroNames.join(" ");
  if (calls.length) out2.calls = calls.join(" ");
  if (globals.length) out2.globals = globals.join(" ");
  if (marks.length) out2.marks = marks;
  if (counters.length) {
    out2.counters = counters;
    const parts2 = list.map((e) => e.statsFree ?? e.text);
    out2.statsFreeHash = parts2.every((p, i2) => p === list[i2].text) ? hash : digest(parts2);
    if (list.every((e) => e.countsOnly)) out2.countsOnly = true;
  }
  if (marks.includes("tail-call")) {
    const parts2 = list.map((e) => e.glueFree ?? e.statsFree ?? e.text);
    out2.glueFreeHash = digest(parts2);
  }
  return out2;
}
function builds(minKernel) {
  return [...oldestBuilds(minKernel), NEWEST];
}
function hasCompatRegion(T, start2, end, groups, all) {
  for (let t = start2; t <= end; t++) {
    if (T.pp[t] === PP_IF && groups.get(t)?.compat) return true;
    if (T.kind[t] === IDENT && T.text[t] === "if" && T.text[t + 1] === "(") {
      const p = t - start2;
      const close = matchForward(T, all, p + 1);
      if (close > 0 && isFeatureCheck(T, all, p + 1, close)) return true;
    }
  }
  return false;
}
var seenDefinitions = /* @__PURE__ */ new Map();
var MAX_SEEN_DEFINITIONS = 5e4;
function detached(b) {
  const own = (list) => list.length ? list.join(" ").split(" ") : list;
  return {
    calls: own(b.calls),
    globals: own(b.globals),
    marks: b.marks,
    counters: own(b.counters),
    events: own(b.events),
    macroNames: own(b.macroNames)
  };
}
function definitionFacts(T, def, groups, minKernel) {
  const raw = digest([T.text.slice(def.start, def.end + 1).join(""), String(minKernel)]);
  const seen = seenDefinitions.get(raw);
  if (seen) return seen;
  const hashOf = (list, leaveOut) => digest([
    normaliseFunction(T, list, leaveOut).map((t) => T.text[t]).join("")
  ]);
  const all = [];
  for (let t = def.start; t <= def.end; t++) all.push(t);
  let text2;
  let variants2 = null;
  try {
    text2 = hashOf(all);
    if (hasCompatRegion(T, def.start, def.end, groups, all)) {
      const byTokens = /* @__PURE__ */ new Map();
      variants2 = builds(minKernel).map((build) => {
        const list = [];
        resolveVariant(T, all, 0, all.length, build, groups, list);
        const key = list.join(",");
        let h = byTokens.get(key);
        if (h === void 0) byTokens.set(key, h = hashOf(list));
        return h;
      });
    }
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    text2 = raw;
    variants2 = null;
  }
  const boundary = detached(boundaryFacts(T, def.start, def.end, def.name));
  let statsFree = null;
  let glueFree = null;
  let countsOnly = false;
  try {
    if (boundary.counters.length) {
      const list = normaliseFunction(T, all, { counters: true });
      statsFree = digest([list.map((t) => T.text[t]).join("")]);
      countsOnly = doesNothing(T, list);
    }
    if (boundary.marks.includes("tail-call")) glueFree = hashOf(all, { counters: true, tailCalls: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const writes = headerWrites(T, def.start, def.end);
  const header = writes === null ? text2 : writes.length ? digest(writes) : null;
  const facts = { text: text2, variants: variants2, boundary, statsFree, glueFree, countsOnly, header };
  if (seenDefinitions.size >= MAX_SEEN_DEFINITIONS) seenDefinitions.clear();
  seenDefinitions.set(raw, facts);
  return facts;
}
function compiledBy(T, scope, groups, build) {
  return scope.every(({ at, branch }) => {
    const g = groups.get(at);
    if (!g?.compat) return true;
    if (g.decided !== void 0) return g.decided === branch;
    return build === null || mayCompile(T, g, branch, build);
  });
}
function variantsOf(list, text2, built, kernelBuilds) {
  const hash = digest(list.map(text2));
  const pick = (parts2) => parts2.length === list.length && parts2.every((c, i2) => c === text2(list[i2])) ? hash : digest(parts2);
  const variants2 = kernelBuilds.map((build, i2) => pick(list.map((e) => built(e, build, i2)).filter((v) => v !== null)));
  if (variants2.every((v) => v === hash)) return { hash };
  return {
    hash,
    compatVariants: { oldest: [variants2[0], variants2[1], variants2[2], variants2[3]], newest: variants2[4] }
  };
}
function definesOf(T, source, groups, kernelBuilds, lineAt) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const d of defineFacts(T, source)) {
    if (!compiledBy(T, d.scope, groups, null)) continue;
    const list = byName2.get(d.name);
    if (list) list.push(d);
    else byName2.set(d.name, [d]);
  }
  const out2 = {};
  for (const name2 of [...byName2.keys()].sort()) {
    const list = byName2.get(name2);
    const text2 = (d) => digest([d.text]);
    const macro = {
      line: lineAt(list[0].at),
      ...variantsOf(list, text2, (d, build) => compiledBy(T, d.scope, groups, build) ? text2(d) : null, kernelBuilds)
    };
    const mentions = [...new Set(list.flatMap((d) => d.mentions))].sort();
    if (mentions.length) macro.mentions = mentions.join(" ");
    Object.defineProperty(out2, name2, { value: macro, enumerable: true, writable: true, configurable: true });
  }
  return out2;
}
function extractCodeBodies(path4, source, minKernel = 0n) {
  const c = cText(source);
  const T = lex2(c.text);
  markCompat(T);
  const groups = conditionalGroups(T, minKernel);
  const decided = new Map([...groups].filter(([, g]) => g.decided !== void 0).map(([at, g]) => [at, g.decided]));
  const kernelBuilds = builds(minKernel);
  const macros = definesOf(T, c.text, groups, kernelBuilds, c.lineAt);
  const defs = findDefinitions(T, decided);
  const lines = defs.map((d) => c.lineAt(d.at));
  const byName2 = /* @__PURE__ */ new Map();
  defs.forEach((def, i2) => {
    const entry = { ...definitionFacts(T, def, groups, minKernel), def, line: lines[i2] };
    const list = byName2.get(def.name);
    if (list) list.push(entry);
    else byName2.set(def.name, [entry]);
  });
  const functions = {};
  for (const name2 of [...byName2.keys()].sort()) {
    const list = byName2.get(name2);
    const { hash, compatVariants: compatVariants2 } = variantsOf(
      list,
      (e) => e.text,
      (e, build, i2) => compiledBy(T, e.def.scope, groups, build) ? e.variants?.[i2] ?? e.text : null,
      kernelBuilds
    );
    const fn = { line: list[0].line, hash };
    if (compatVariants2) fn.compatVariants = compatVariants2;
    if (list.every((e) => e.def.compatScoped)) fn.kernelSpecific = true;
    const headers = list.map((e) => e.header).filter((h) => h !== null);
    if (headers.length) fn.headerHash = headers.length === 1 ? headers[0] : digest(headers);
    Object.assign(fn, boundaryOf(list, hash));
    Object.defineProperty(functions, name2, { value: fn, enumerable: true, writable: true, configurable: true });
  }
  const out2 = { probe: probeOf(path4), functions };
  if (Object.keys(macros).length) out2.macros = macros;
  return out2;
}

// src/surface/extract/module-params.ts
var plain = (at) => (args2) => args2[at];
var array = (at) => (args2) => `array of ${args2[at]}`;
var callback = () => "callback";
var byOps = (args2) => ({ ops: opsName(args2[1]) });
var CALLS = {
  module_param: { arity: 3, type: plain(1) },
  module_param_unsafe: { arity: 3, type: plain(1) },
  module_param_named: { arity: 4, type: plain(2) },
  module_param_named_unsafe: { arity: 4, type: plain(2) },
  module_param_hw: { arity: 4, type: plain(1) },
  module_param_hw_named: { arity: 5, type: plain(2) },
  module_param_array: { arity: 4, type: array(1) },
  module_param_array_named: { arity: 5, type: array(2) },
  module_param_array_unsafe: { arity: 4, type: array(1) },
  module_param_hw_array: { arity: 5, type: array(1) },
  module_param_string: { arity: 4, type: () => "string" },
  module_param_cb: { arity: 4, type: callback, access: byOps },
  module_param_cb_unsafe: { arity: 4, type: callback, access: byOps },
  module_param_call: { arity: 5, type: callback, access: (args2) => ({ set: args2[1], get: args2[2] }) }
};
var MODULE_PARAM_CALLS = new Set(Object.keys(CALLS));
function readModuleParam(text2, toks) {
  const call = Object.hasOwn(CALLS, toks[0]?.text ?? "") ? CALLS[toks[0].text] : null;
  if (!call || toks[1]?.text !== "(") return null;
  const close = closing(toks, 1);
  if (close < 0) return null;
  const args2 = splitTokens(toks, ",", 2, close).map(([a, b]) => textOf(text2, toks, a, b));
  if (args2.length !== call.arity || !args2[0]) return null;
  return {
    name: args2[0],
    type: call.type(args2),
    perm: args2[args2.length - 1],
    access: call.access?.(args2) ?? null,
    line: 0
  };
}
function opsName(expr) {
  const m = /^&\s*\(?\s*([A-Za-z_]\w*)\s*\)?$/.exec(expr);
  return m ? m[1] : expr;
}
function readParamOps(text2, toks) {
  const k = toks.findIndex((t) => t.text === "kernel_param_ops");
  if (k < 1 || toks[k - 1].text !== "struct" || !toks[k + 1]?.ident || toks[k + 2]?.text !== "=" || toks[k + 3]?.text !== "{")
    return null;
  const end = closing(toks, k + 3);
  if (end < 0) return null;
  const fields = /* @__PURE__ */ new Map();
  let positional = false;
  for (const [a, b] of splitTokens(toks, ",", k + 4, end)) {
    if (a === b) continue;
    if (toks[a].text === "." && toks[a + 1]?.ident && toks[a + 2]?.text === "=")
      fields.set(toks[a + 1].text, textOf(text2, toks, a + 3, b));
    else positional = true;
  }
  const has = (f) => positional ? null : fields.has(f) && !isNullPointer(fields.get(f));
  return { name: toks[k + 1].text, set: has("set"), get: has("get"), line: 0 };
}
function isNullPointer(expr) {
  const e = expr.replace(/\s+/g, "").replace(/[()]/g, "").replace(/^void\*/, "");
  return e === "" || e === "NULL" || /^0+[uUlL]*$/.test(e) || /^0[xX]0+[uUlL]*$/.test(e);
}
var MODE_BITS = {
  S_ISUID: 2048,
  S_ISGID: 1024,
  S_ISVTX: 512,
  S_IRWXU: 448,
  S_IRUSR: 256,
  S_IWUSR: 128,
  S_IXUSR: 64,
  S_IRWXG: 56,
  S_IRGRP: 32,
  S_IWGRP: 16,
  S_IXGRP: 8,
  S_IRWXO: 7,
  S_IROTH: 4,
  S_IWOTH: 2,
  S_IXOTH: 1,
  S_IRWXUGO: 511,
  S_IALLUGO: 4095,
  S_IRUGO: 292,
  S_IWUGO: 146,
  S_IXUGO: 73
};
var MODE_MACROS = new Map(
  Object.entries(MODE_BITS).map(([name2, v]) => [name2, { name: name2, params: null, body: `0${v.toString(8)}` }])
);
function permissionBits(expr) {
  return evaluateNumber(expr, { macros: MODE_MACROS, enumerators: /* @__PURE__ */ new Map() });
}
function permissionText(expr) {
  const bits3 = permissionBits(expr);
  return bits3 === null || bits3 < 0 ? expr : bits3 === 0 ? "0" : `0${bits3.toString(8)}`;
}

// src/surface/text-declarations.ts
var DECLARING_NAMES = /* @__PURE__ */ new Set([
  ...MODULE_PARAM_CALLS,
  "kernel_param_ops",
  "SEC",
  "__weak",
  "__bpf_section",
  "__attribute__",
  "__attribute",
  "bpf_map_def"
]);
var IDENTIFIER2 = /[A-Za-z_]\w*/g;
function readTextDeclarations(facts, ctx) {
  const out2 = { moduleParams: [], paramOps: [], maps: [], globals: [] };
  const unexpanded = /* @__PURE__ */ new Set();
  for (const f of facts) {
    if (!f.topLevel.statements.length) continue;
    const driver = probeOf(f.path);
    const probe = driver === "modern" || driver === "legacy" ? driver : null;
    const scope = ctx.model.scope(f.path);
    const declaring = macrosThatMayDeclare(scope.macros, f.directives.macros);
    for (const s of compiledStatements(f, ctx.model)) {
      const text2 = s.pieces.map((p) => p.text).join("\n");
      const line = s.pieces[0].line;
      if (!mayDeclare(text2, declaring)) continue;
      const where2 = `${f.path}:${line} at ${ctx.rev}`;
      const include = s.pieces.find((p) => p.include && ctx.model.live(f.path, p.include))?.include;
      if (include) {
        ctx.warnings.push({
          path: f.path,
          message: `${where2}: the #include at line ${include} inside a declaration is not followed, so what it declares is not known`,
          incomplete: true
        });
        continue;
      }
      if (s.undecided) {
        ctx.warnings.push({
          path: f.path,
          message: `${where2}: a conditional directive the model cannot decide cuts a declaration in parts, so what the builds declare there is not known`,
          incomplete: true
        });
        continue;
      }
      const r = readStatement(text2, scope.macros, probe, ctx.budget);
      for (const n of r.used) ctx.onMacro(f.path, n);
      const redefined = redefinedAfter(f, line, text2);
      if (redefined) {
        ctx.warnings.push({
          path: f.path,
          message: `${where2}: ${redefined} is defined or undefined again later in ${f.path}, so what the declaration means where it stands is not known`,
          incomplete: true
        });
      }
      if (r.problem) {
        if (!r.spent || !unexpanded.has(f.path))
          ctx.warnings.push({
            path: f.path,
            message: `${where2}: ${r.problem}, so what it declares is not known`,
            incomplete: true
          });
        if (r.spent) unexpanded.add(f.path);
        continue;
      }
      const candidate = (value, at = line) => ({ value, file: f, line: at, presence: s.presence });
      for (const p of r.moduleParams) out2.moduleParams.push(candidate({ ...p, line }));
      for (const o of r.paramOps) out2.paramOps.push(candidate({ ...o, line }));
      for (const m of r.maps) out2.maps.push(candidate({ ...m, line }));
      if (r.globals.length) {
        const lines = new StatementLines(s.pieces, text2);
        for (const g of r.globals) {
          const at = r.expanded ? lines.ofName(g.name) ?? line : lines.at(g.at);
          out2.globals.push(candidate({ ...g, line: at }, at));
        }
      }
      if (r.unreadable)
        ctx.warnings.push({
          path: f.path,
          message: `${where2}: ${r.unreadable}, so the maps it defines are not known`,
          incomplete: true
        });
    }
  }
  return out2;
}
function compiledStatements(f, model) {
  const out2 = [];
  const builds2 = buildsOf(f.path);
  const carried = /* @__PURE__ */ new Map();
  for (const s of f.topLevel.statements) {
    const presences = s.pieces.map((p) => model.presence(f.path, p.line));
    const first = presences[0];
    if (!carried.size && presences.every((p) => p.always === first.always && p.maybe === first.maybe)) {
      if (first.maybe) out2.push({ pieces: s.pieces, presence: first });
      continue;
    }
    const end = presences[presences.length - 1];
    const byText = /* @__PURE__ */ new Map();
    for (const c of CONFIGS) {
      const bit = 1 << c.index;
      if (!(builds2 & bit)) continue;
      const acc = carried.get(c.index) ?? { pieces: [], undecided: false };
      let compiled = carried.has(c.index);
      s.pieces.forEach((p, i2) => {
        const pr = presences[i2];
        if (!(pr.maybe & bit)) return;
        compiled = true;
        acc.pieces.push(p);
        if (!(pr.always & bit)) acc.undecided = true;
      });
      if (!compiled) continue;
      if (!(end.maybe & bit)) {
        carried.set(c.index, acc);
        continue;
      }
      carried.delete(c.index);
      const undecided = acc.undecided || !(end.always & bit);
      const key = `${undecided}\0${acc.pieces.map((p) => `${p.line}:${p.text}`).join("\0")}`;
      const known = byText.get(key);
      if (known) {
        known.presence = { always: known.presence.always | (undecided ? 0 : bit), maybe: known.presence.maybe | bit };
      } else {
        byText.set(key, {
          pieces: acc.pieces,
          presence: { always: undecided ? 0 : bit, maybe: bit },
          ...undecided ? { undecided: true } : {}
        });
      }
    }
    out2.push(...byText.values());
  }
  return out2;
}
var StatementLines = class {
  constructor(pieces, text2) {
    this.text = text2;
    let base = 0;
    for (const p of pieces) {
      this.starts.push(base);
      this.lines.push(p.line);
      for (let i2 = p.text.indexOf("\n"), k = 1; i2 >= 0; i2 = p.text.indexOf("\n", i2 + 1), k++) {
        this.starts.push(base + i2 + 1);
        this.lines.push(p.line + k);
      }
      base += p.text.length + 1;
    }
  }
  text;
  starts = [];
  lines = [];
  names = null;
  /** The line of an offset into the text. */
  at(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo];
  }
  /** The line where an identifier is first written, if it is. */
  ofName(name2) {
    if (!this.names) {
      this.names = /* @__PURE__ */ new Map();
      for (const m of this.text.matchAll(IDENTIFIER2)) if (!this.names.has(m[0])) this.names.set(m[0], m.index);
    }
    const at = this.names.get(name2);
    return at === void 0 ? null : this.at(at);
  }
};
var lastDirectiveMemo = /* @__PURE__ */ new WeakMap();
function redefinedAfter(f, line, text2) {
  let last = lastDirectiveMemo.get(f.directives);
  if (!last) {
    last = /* @__PURE__ */ new Map();
    for (const m of f.directives.macros) last.set(m.name, Math.max(last.get(m.name) ?? 0, m.line));
    for (const op of f.directives.ops)
      if (op.op === "undef") last.set(op.name, Math.max(last.get(op.name) ?? 0, op.line));
    lastDirectiveMemo.set(f.directives, last);
  }
  if (!last.size) return null;
  for (const m of text2.matchAll(IDENTIFIER2)) if ((last.get(m[0]) ?? 0) > line) return m[0];
  return null;
}
function mayDeclare(text2, declaring) {
  for (const m of text2.matchAll(IDENTIFIER2)) if (DECLARING_NAMES.has(m[0]) || declaring.has(m[0])) return true;
  return false;
}
var declaringMemo = /* @__PURE__ */ new WeakMap();
function macrosThatMayDeclare(macros, own = []) {
  let byOwn = declaringMemo.get(macros);
  if (!byOwn) declaringMemo.set(macros, byOwn = /* @__PURE__ */ new WeakMap());
  let out2 = byOwn.get(own);
  if (out2) return out2;
  out2 = /* @__PURE__ */ new Set();
  const usedBy = /* @__PURE__ */ new Map();
  const todo = [];
  const mark = (name2) => {
    if (out2.has(name2)) return;
    out2.add(name2);
    todo.push(name2);
  };
  for (const def of [...macros.values(), ...own]) {
    if (def.body.includes("##")) mark(def.name);
    for (const m of def.body.matchAll(IDENTIFIER2)) {
      if (DECLARING_NAMES.has(m[0])) mark(def.name);
      else {
        const users = usedBy.get(m[0]);
        if (users) users.push(def.name);
        else usedBy.set(m[0], [def.name]);
      }
    }
  }
  while (todo.length) for (const user of usedBy.get(todo.pop()) ?? []) mark(user);
  byOwn.set(own, out2);
  return out2;
}
var readingMemo = /* @__PURE__ */ new WeakMap();
function readStatement(text2, macros, probe, budget) {
  let memo = readingMemo.get(macros);
  if (!memo) readingMemo.set(macros, memo = /* @__PURE__ */ new Map());
  const key = `${probe}\0${text2}`;
  let r = memo.get(key);
  if (!r) {
    r = read(text2, macros, probe, budget);
    if (!r.spent) memo.set(key, r);
  }
  return r;
}
function read(written, macros, probe, budget) {
  const r = { moduleParams: [], paramOps: [], maps: [], globals: [], expanded: false, used: [] };
  let text2 = written;
  const { text: guarded, slots } = guardWrittenValues(written);
  if (mentionsMacro(guarded, macros)) {
    const e = expandMacros(guarded, macros, { onMacro: (n) => r.used.push(n), budget });
    if ("problem" in e) return { ...r, problem: e.problem, ...e.spent ? { spent: true } : {} };
    text2 = e.text.replace(/\b__driver_semver_value_(\d+)\b/g, (_, i2) => slots[Number(i2)]);
    r.expanded = true;
  }
  const toks = tokens(text2);
  for (const [a, b] of splitTokens(toks, ";")) {
    if (a === b) continue;
    const part = toks.slice(a, b);
    const param = readModuleParam(text2, part);
    if (param) {
      r.moduleParams.push(param);
      continue;
    }
    const ops = readParamOps(text2, part);
    if (ops) {
      r.paramOps.push(ops);
      continue;
    }
    if (!probe) continue;
    const bpf = readBpfStatement(text2, part, probe);
    for (const m of bpf.maps) r.maps.push(m);
    for (const g of bpf.globals) r.globals.push(g);
    if (bpf.unreadable) r.unreadable ??= bpf.unreadable;
  }
  return r;
}
function guardWrittenValues(text2) {
  const toks = tokens(text2);
  const ranges = [];
  for (let i2 = 0; i2 < toks.length; i2++) {
    const t = toks[i2].text;
    let from = -1;
    let to = -1;
    if (t === "__uint" && toks[i2 + 1]?.text === "(" && toks[i2 + 2]?.text === "max_entries" && toks[i2 + 3]?.text === ",") {
      from = i2 + 4;
      to = closing(toks, i2 + 1);
    } else if (t === "." && toks[i2 + 1]?.text === "max_entries" && toks[i2 + 2]?.text === "=") {
      from = i2 + 3;
      to = endOfItem(toks, from);
    } else if (t === "[") {
      from = i2 + 1;
      to = closing(toks, i2);
    }
    if (from < 0 || to <= from) continue;
    ranges.push([toks[from].start, toks[to - 1].end]);
    i2 = to - 1;
  }
  if (!ranges.length) return { text: text2, slots: [] };
  const slots = [];
  let out2 = "";
  let pos = 0;
  for (const [a, b] of ranges) {
    out2 += `${text2.slice(pos, a)} __driver_semver_value_${slots.length} `;
    slots.push(foldSpace(text2.slice(a, b)));
    pos = b;
  }
  return { text: out2 + text2.slice(pos), slots };
}
function endOfItem(toks, from) {
  let depth = 0;
  for (let i2 = from; i2 < toks.length; i2++) {
    const t = toks[i2].text;
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") {
      if (depth === 0) return i2;
      depth--;
    } else if ((t === "," || t === ";") && depth === 0) return i2;
  }
  return toks.length;
}
function resolveModuleParams(d, ctx) {
  const ops = /* @__PURE__ */ new Map();
  for (const [name2, list] of byName(d.paramOps)) {
    const c = ctx.model.pick(`kernel_param_ops ${name2}`, list, (o) => `${o.set}:${o.get}`);
    if (c) ops.set(name2, c.value);
  }
  const params = /* @__PURE__ */ new Map();
  for (const [name2, list] of byName(d.moduleParams)) {
    params.set(
      name2,
      list.map((c) => ({
        ...c,
        value: {
          type: c.value.type,
          perm: permissionText(c.value.perm),
          ...lacking(c, ops, ctx),
          loc: loc(c.file.path, c.line)
        }
      }))
    );
  }
  const out2 = record();
  for (const [name2, list] of params) {
    const c = ctx.model.pick(`module parameter ${name2}`, list, (p) => JSON.stringify([p.type, p.perm, p.lacks ?? []]));
    if (c) out2[name2] = c.value;
  }
  return out2;
}
var KERNEL_OPS = /^param_ops_\w+$/;
function lacking(c, ops, ctx) {
  const a = c.value.access;
  if (!a) return {};
  let set;
  let get;
  if ("set" in a) {
    set = !isNullPointer(a.set);
    get = !isNullPointer(a.get);
  } else {
    const o = ops.get(a.ops);
    if (!o && KERNEL_OPS.test(a.ops)) return {};
    set = o ? o.set : null;
    get = o ? o.get : null;
    if (set === null || get === null) {
      const why = o ? `its initializer is positional (which field is .set depends on the kernel)` : `driver-semver does not find its definition in ${c.file.path}`;
      ctx.warnings.push({
        path: c.file.path,
        message: `${c.file.path}:${c.line} at ${ctx.rev}: module parameter ${c.value.name} uses the kernel_param_ops ${a.ops}, and ${why}: whether userspace can read or write it is not known`,
        incomplete: true
      });
    }
  }
  const lacks = [...get === false ? ["get"] : [], ...set === false ? ["set"] : []];
  return lacks.length ? { lacks } : {};
}
function byName(list) {
  const out2 = /* @__PURE__ */ new Map();
  for (const c of list) {
    const l = out2.get(c.value.name);
    if (l) l.push(c);
    else out2.set(c.value.name, [c]);
  }
  return out2;
}

// src/surface/api.ts
var ORDERED_ENUMS = ["sys_exit_extra_code", "extra_syscall_codes", "extra_event_prog_code"];
function resolveApi(facts, symsOf, enums, ctx) {
  const layouts = new Layouts(facts, symsOf, ctx.model);
  const sized = (path4) => ({ ...symsOf(path4), sizeOf: (t) => layouts.sizeOf(t) });
  const text2 = {
    model: ctx.model,
    rev: ctx.rev,
    warnings: ctx.warnings,
    onMacro: (path4, name2) => symsOf(path4).onMacro?.(name2),
    budget: ctx.budget
  };
  const declared = readTextDeclarations(facts, text2);
  return {
    structs: sharedLayouts(layouts, ctx),
    ioctls: resolveIoctls(facts, sized, ctx.model),
    retiredIoctls: record(
      facts.flatMap((f) => f.retiredIoctls.map((r) => [r.name, ioctl(r.expr, f.path, r.line, sized(f.path))]))
    ),
    bpfMaps: resolveMaps(declared.maps, sized, ctx),
    bpfGlobals: resolveGlobals(declared.globals, sized, ctx.model),
    codeLists: resolveCodeLists(facts, enums, ctx),
    moduleParams: resolveModuleParams(declared, text2)
  };
}
var PREFERENCE = [...CONFIGS].sort((a, b) => viewRank(a.view) - viewRank(b.view) || a.index - b.index).map((c) => c.index);
function viewRank(v) {
  return ["userspace", "kmod", "modern", "legacy"].indexOf(v);
}
var Layouts = class {
  constructor(facts, symsOf, model) {
    this.symsOf = symsOf;
    this.model = model;
    for (const f of facts) {
      for (const d of f.structs.structs) if (model.live(d.loc.path, d.loc.line)) this.decls.push(d);
      for (const e of f.structs.enums ?? []) {
        if (!model.live(e.loc.path, e.loc.line)) continue;
        const read2 = f.enums.find((x) => x.name === e.name && x.line === e.loc.line);
        this.enums.push(read2 ? { ...e, enumerators: read2.enumerators.map((x) => x.name) } : e);
      }
      for (const t of f.structs.typedefList ?? []) {
        const presence = model.presence(f.path, t.line);
        if (presence.maybe) this.typedefs.push({ name: t.name, value: t.type, file: f, line: t.line, presence });
      }
    }
  }
  symsOf;
  model;
  decls = [];
  enums = [];
  typedefs = [];
  perConfig = /* @__PURE__ */ new Map();
  typedefScopes = /* @__PURE__ */ new Map();
  typedefConfigKeys = /* @__PURE__ */ new Map();
  /**
   * The typedefs a file sees in configuration `c`: those of its own include tree (as for macros, a
   * typedef of a file it never includes is not in scope). A name its tree does not define comes
   * from whatever includes the file: usable only when every live definition of the tree agrees.
   * Definitions that may be compiled together and disagree are never settled by position.
   */
  typedefsOf(path4, c) {
    let configKey = this.typedefConfigKeys.get(c);
    if (configKey === void 0) {
      const bit = 1 << c;
      configKey = this.typedefs.map((t) => t.presence.maybe & bit ? "1" : "0").join("");
      this.typedefConfigKeys.set(c, configKey);
    }
    const key = `${configKey}:${path4}`;
    const hit = this.typedefScopes.get(key);
    if (hit) return hit;
    const tree = new Set(this.model.treeOf(path4));
    const inTree = /* @__PURE__ */ new Map();
    const outside = /* @__PURE__ */ new Map();
    for (const t of this.typedefs) {
      if (!(t.presence.maybe & 1 << c)) continue;
      const into = tree.has(t.file.path) ? inTree : outside;
      into.set(t.name, [...into.get(t.name) ?? [], t]);
    }
    const out2 = {};
    for (const [name2, list] of [...outside, ...inTree]) out2[name2] = agreed(name2, list);
    this.typedefScopes.set(key, out2);
    return out2;
  }
  /** The selection of configuration `c`: `maybe` says whether undecided fields are laid out. */
  selection(c, maybe) {
    const bit = 1 << c;
    const inBuild = (at) => {
      const p = this.model.presence(at.path, at.line);
      return p.always & bit ? true : p.maybe & bit ? maybe : false;
    };
    return {
      typedefsOf: (path4) => this.typedefsOf(path4, c),
      select: {
        decls: (structs) => structs.filter((s) => this.model.presence(s.loc.path, s.loc.line).maybe & bit),
        field: (decl, f) => inBuild(f.at ?? { path: decl.loc.path, line: f.line }),
        pack: (decl) => this.model.packAt(decl.loc.path, decl.endLine, c)
      }
    };
  }
  /** Layouts of `names` in configuration `c` (undecided fields present, or absent with `maybe` false). */
  layouts(names2, c, maybe = true) {
    const key = `${c}:${maybe}:${names2.join(",")}`;
    let hit = this.perConfig.get(key);
    if (!hit) {
      const { select, typedefsOf } = this.selection(c, maybe);
      const enums = this.enums.filter((e) => this.model.presence(e.loc.path, e.loc.line).maybe & 1 << c);
      hit = layoutsOf(names2, this.decls, typedefsOf, this.symsOf, select, enums);
      this.perConfig.set(key, hit);
    }
    return hit;
  }
  /** Whether any live field of a struct named `name` is undecided somewhere. */
  hasUndecided(name2) {
    return this.decls.some(
      (d) => d.name === name2 && d.fields.some((f) => {
        const at = f.at ?? { path: d.loc.path, line: f.line };
        const p = this.model.presence(at.path, at.line);
        return p.maybe !== p.always;
      })
    );
  }
  sizeOf(typeName) {
    const name2 = typeName.replace(/^(struct|enum)\s+/, "").trim();
    if (/^enum\s/.test(typeName)) return 4;
    for (const c of PREFERENCE) {
      const l = this.layouts([name2], c)[name2];
      if (l) return l.size >= 0 ? l.size : null;
    }
    return null;
  }
};
function agreed(name2, list) {
  if (new Set(list.map((t) => meaning(t.value))).size <= 1) return list[0].value;
  const places = list.map((t) => `${t.file.path}:${t.line}`).join(" and ");
  return {
    kind: "ambiguous",
    name: name2,
    why: `typedef ${name2} has definitions that differ (${places}) and which one applies is not settled by the files it includes`
  };
}
function meaning(t) {
  let m = meanings.get(t);
  if (m === void 0) {
    m = JSON.stringify(
      t,
      (k, v) => k === "loc" || k === "line" || k === "endLine" || k === "at" || k === "names" ? void 0 : v
    );
    meanings.set(t, m);
  }
  return m;
}
var meanings = /* @__PURE__ */ new WeakMap();
function layoutKey(l) {
  return JSON.stringify([l.size, l.align, l.fields.map((f) => [f.name, canonicalType(f.type), f.offset, f.size])]);
}
function sharedLayouts(layouts, ctx) {
  const out2 = record();
  const shared = ctx.sharedStructs.filter((s) => !s.legacyOnly || ctx.legacy);
  const names2 = shared.map((s) => s.name);
  const undecided = shared.some((s) => layouts.hasUndecided(s.name));
  for (const s of shared) {
    const byKey2 = /* @__PURE__ */ new Map();
    let primary = null;
    let unresolved = null;
    for (const c of PREFERENCE) {
      for (const maybe of undecided ? [true, false] : [true]) {
        const l = layouts.layouts(names2, c, maybe)[s.name];
        if (!l) continue;
        primary ??= l;
        if (l.unresolved?.length) {
          unresolved ??= { layout: l, mask: 0 };
          unresolved.mask |= 1 << c;
          continue;
        }
        const k = layoutKey(l);
        const e = byKey2.get(k);
        if (e) e.mask |= 1 << c;
        else byKey2.set(k, { layout: l, mask: 1 << c });
      }
    }
    if (!primary) continue;
    if (unresolved) {
      const l = unresolved.layout;
      const where2 = byKey2.size ? ` for ${describeMask(unresolved.mask)}` : "";
      ctx.warnings.push({
        path: l.loc.path,
        message: `${l.loc.path} at ${ctx.rev}: the layout of struct ${s.name} cannot be computed${where2} (${l.unresolved.join("; ")})`,
        incomplete: true
      });
    }
    out2[s.name] = byKey2.size > 1 ? {
      ...primary,
      byBuild: [...byKey2.values()].map((v) => ({
        builds: describeMask(v.mask),
        size: v.layout.size,
        fields: v.layout.fields
      }))
    } : primary;
  }
  return out2;
}
function ioctl(expr, path4, line, syms) {
  const nr = /_IO\w*\s*\(\s*[^,]+,\s*([^,)]+)/.exec(expr)?.[1];
  return { number: evaluateNumber(expr, syms), nr: nr ? evaluateNumber(nr, syms) : null, expr, loc: loc(path4, line) };
}
function resolveIoctls(facts, syms, model) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const f of facts) {
    f.macros.forEach((m, i2) => {
      if (m.params !== null || !/^PPM_IOCTL_\w+$/.test(m.name) || m.name === "PPM_IOCTL_MAGIC") return;
      push(byName2, m.name, {
        value: ioctl(m.body, f.path, m.line, syms(f.path)),
        file: f,
        line: m.line,
        presence: model.macroPresence(f.path, i2)
      });
    });
  }
  return picked(model, "ioctl", byName2, (i2) => `${i2.number}`);
}
function push(m, key, c) {
  const list = m.get(key);
  if (list) list.push(c);
  else m.set(key, [c]);
}
function picked(model, what, byKey2, same) {
  const out2 = record();
  for (const [key, list] of byKey2) {
    const c = model.pick(`${what} ${key}`, list, same);
    if (c) out2[key] = c.value;
  }
  return out2;
}
function typeSize(t, syms) {
  return t ? evaluateNumber(`sizeof(${t})`, syms) : null;
}
function resolveMaps(maps, symsOf, ctx) {
  const byName2 = /* @__PURE__ */ new Map();
  const legacyBefore = /* @__PURE__ */ new Map();
  for (const c of maps) {
    const m = c.value;
    const syms = symsOf(c.file.path);
    let index = null;
    if (m.probe === "legacy") {
      let before = legacyBefore.get(c.file.path);
      if (!before)
        legacyBefore.set(c.file.path, before = { always: CONFIGS.map(() => 0), maybe: CONFIGS.map(() => 0) });
      index = legacyIndex(c, before, ctx);
    }
    const map = {
      probe: m.probe,
      type: m.type,
      keyType: m.keyType,
      valueType: m.valueType,
      keySize: m.keySizeExpr ? evaluateNumber(m.keySizeExpr, syms) : typeSize(m.keyType, syms),
      valueSize: m.valueSizeExpr ? evaluateNumber(m.valueSizeExpr, syms) : typeSize(m.valueType, syms),
      maxEntries: m.maxEntriesExpr ? evaluateNumber(m.maxEntriesExpr, syms) : null,
      maxEntriesExpr: m.maxEntriesExpr,
      index,
      loc: loc(c.file.path, c.line)
    };
    push(byName2, m.name, { ...c, value: map });
  }
  return picked(ctx.model, "bpf map", byName2, (m) => JSON.stringify({ ...m, loc: null }));
}
function legacyIndex(c, before, ctx) {
  const counts = /* @__PURE__ */ new Set();
  for (const config of CONFIGS) {
    const bit = 1 << config.index;
    if (c.presence.maybe & bit) counts.add(before.always[config.index]).add(before.maybe[config.index]);
  }
  for (const config of CONFIGS) {
    const bit = 1 << config.index;
    if (c.presence.always & bit) before.always[config.index]++;
    if (c.presence.maybe & bit) before.maybe[config.index]++;
  }
  const index = Math.min(...counts);
  if (counts.size > 1) {
    ctx.warnings.push({
      path: c.file.path,
      message: `${c.file.path}:${c.line} at ${ctx.rev}: the position of legacy map ${c.value.name} (the index libscap reads it by) depends on maps before it that not every build compiles, so it is not known`,
      incomplete: true
    });
  }
  return index;
}
function normaliseScalar(t) {
  const m = /^(?:__)?([us])(8|16|32|64)$/.exec(t);
  if (m) return `${m[1] === "u" ? "u" : ""}int${m[2]}_t`;
  return t;
}
function resolveGlobals(globals, symsOf, model) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const c of globals) {
    const g = c.value;
    const syms = symsOf(c.file.path);
    const base = normaliseScalar(g.type);
    const n = g.arraySize ? evaluateNumber(g.arraySize, syms) : null;
    const elem = typeSize(base, syms);
    const global = {
      probe: probeOf(c.file.path) === "modern" ? "modern" : "legacy",
      // const objects go to .rodata, objects initialised to something other than zero to .data.
      section: g.rodata ? "rodata" : g.init !== null && !isZero2(g.init, syms) ? "data" : "bss",
      // The size as written: an array sized by a count that grows (PPM_EVENT_MAX) keeps its type.
      type: g.arraySize ? `${base}[${g.arraySize}]` : base,
      size: elem === null ? null : g.arraySize ? n === null ? null : elem * n : elem,
      loc: loc(c.file.path, c.line)
    };
    push(byName2, g.name, { ...c, value: global });
  }
  return picked(model, "bpf global", byName2, (g) => JSON.stringify({ ...g, loc: null }));
}
function isZero2(init2, syms) {
  return /^(NULL|false|\{\s*0?\s*\})$/.test(init2) || evaluateNumber(init2, syms) === 0;
}
function codesOf(listed3, ctx) {
  const compiled = ctx.enumHolding?.(listed3.map((e) => e.name));
  if (!compiled) return listed3;
  const codes = Object.entries(compiled).filter(([name2]) => !/_MAX$/.test(name2));
  if (codes.some(([, c]) => c.value === null)) return listed3;
  const at = new Map(listed3.map((e) => [e.name, e.loc]));
  return codes.sort(([, a], [, b]) => a.value - b.value).map(([name2, c]) => ({ name: name2, loc: at.get(name2) ?? c.loc }));
}
function resolveCodeLists(facts, enums, ctx) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const f of facts) {
    for (const x of f.xLists) {
      if (x.name === "FILLER_LIST_MAPPER" && !ctx.legacy) continue;
      const governs = x.name === "FILLER_LIST_MAPPER" ? "schema" : "api";
      const list = {
        governs,
        entries: codesOf(
          x.entries.map((e) => ({ name: e.name, loc: loc(f.path, e.line) })),
          ctx
        ),
        loc: loc(f.path, x.line)
      };
      push(byName2, x.name, { value: list, file: f, line: x.line, presence: ctx.model.presence(f.path, x.line) });
    }
  }
  const out2 = picked(ctx.model, "X-macro", byName2, (l) => l.entries.map((e) => e.name).join(","));
  for (const name2 of ORDERED_ENUMS) {
    const e = enums[name2];
    if (!e) continue;
    const entries = Object.entries(e).filter(([sym]) => !/_MAX$/.test(sym)).sort(([, a], [, b]) => (a.value ?? 0) - (b.value ?? 0)).map(([sym, c]) => ({ name: sym, loc: c.loc }));
    out2.sys_exit_extra_code = {
      governs: "api",
      entries,
      loc: entries[0]?.loc ?? { path: "driver/ppm_events_public.h", line: 0 }
    };
  }
  return out2;
}

// src/surface/builds.ts
var SHIFT = CONFIGS.length;
function includeTarget(from, inc, exists) {
  const candidates = [];
  if (!inc.angled) candidates.push(normalise(from.slice(0, from.lastIndexOf("/") + 1) + inc.path));
  for (const root of INCLUDE_ROOTS) candidates.push(normalise(root + inc.path));
  for (const c of candidates) if (c !== null && exists(c)) return c;
  return null;
}
function normalise(p) {
  const out2 = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!out2.length) return null;
      out2.pop();
    } else out2.push(part);
  }
  return out2.join("/");
}
function bits(mask) {
  const out2 = [];
  for (let i2 = 0; i2 < SHIFT; i2++) if (mask & 1 << i2) out2.push(i2);
  return out2;
}
var walkCache = new WalkCache();
var InputsMemo = class {
  generation = 0;
  map = /* @__PURE__ */ new Map();
  nextRevision() {
    this.generation++;
    for (const [k, v] of this.map) if (v.used < this.generation - 1) this.map.delete(k);
  }
  get(key, inputs, make) {
    const e = this.map.get(key);
    if (e && e.inputs.length === inputs.length && e.inputs.every((x, i2) => x === inputs[i2])) {
      e.used = this.generation;
      return e.value;
    }
    const value = make();
    this.map.set(key, { used: this.generation, inputs, value });
    return value;
  }
};
var treeTables = new InputsMemo();
var contexts = /* @__PURE__ */ new WeakMap();
function withContext(own, context) {
  let byContext = contexts.get(own);
  if (!byContext) contexts.set(own, byContext = /* @__PURE__ */ new WeakMap());
  let s = byContext.get(context);
  if (!s) {
    const ambiguous = new Map([...context.ambiguous].filter(([name2]) => !own.macros.has(name2)));
    for (const [name2, list] of own.ambiguous) ambiguous.set(name2, list);
    s = { macros: new Map([...context.macros, ...own.macros]), ambiguous };
    byContext.set(context, s);
  }
  return s;
}
function buildModel(files, rev, warnings, minKernel, budget) {
  const exists = (p) => files.has(p);
  const resolved = /* @__PURE__ */ new Map();
  const resolve2 = (from, inc) => {
    let byInclude = resolved.get(from);
    if (!byInclude) resolved.set(from, byInclude = /* @__PURE__ */ new Map());
    let r = byInclude.get(inc);
    if (r === void 0) {
      const target = includeTarget(from, inc, exists);
      r = target ? { path: target, directives: files.get(target).directives } : null;
      byInclude.set(inc, r);
    }
    return r;
  };
  const cache = walkCache;
  cache.nextRevision();
  treeTables.nextRevision();
  const branchStatus = /* @__PURE__ */ new Map();
  const macroStatus = /* @__PURE__ */ new Map();
  const packs = /* @__PURE__ */ new Map();
  const packedIncludes = /* @__PURE__ */ new Map();
  const replaced = /* @__PURE__ */ new Map();
  const walksOf = /* @__PURE__ */ new Map();
  for (const f of files.values()) {
    if (!f.directives.ops.length) continue;
    const mask = buildsOf(f.path);
    const perConfigBranches = [];
    const perConfigMacros = [];
    const perConfigPacks = [];
    const perConfigWalks = [];
    for (const c of CONFIGS) {
      if (!(mask & 1 << c.index)) continue;
      const walk3 = walkFile(f.path, f.directives, c, minKernel[c.view] ?? 0n, resolve2, cache, budget);
      perConfigWalks.push(walk3);
      perConfigBranches[c.index] = walk3.branches;
      perConfigMacros[c.index] = walk3.macros;
      perConfigPacks[c.index] = walk3.packs;
      for (const t of walk3.packedIncludes) packedIncludes.set(t, (packedIncludes.get(t) ?? /* @__PURE__ */ new Set()).add(c.index));
      for (const r of walk3.replaced) {
        let m = replaced.get(f.path);
        if (!m) replaced.set(f.path, m = /* @__PURE__ */ new Map());
        m.set(r.macro, { by: r.by, redefined: r.redefined });
      }
      for (const p of walk3.problems)
        if (!warnings.some((w) => w.message.endsWith(p)))
          warnings.push({ path: f.path, message: `${f.path} at ${rev}: ${p}`, incomplete: true });
    }
    walksOf.set(f.path, perConfigWalks);
    branchStatus.set(f.path, perConfigBranches);
    macroStatus.set(f.path, perConfigMacros);
    packs.set(f.path, perConfigPacks);
    if (f.directives.unbalanced) {
      warnings.push({
        path: f.path,
        message: `${f.path} at ${rev}: its #if/#endif do not balance, so which lines a build compiles is not known`,
        incomplete: true
      });
    }
  }
  const presenceCache = /* @__PURE__ */ new Map();
  const branchPresence = (f, branch) => {
    let m = presenceCache.get(f.path);
    if (!m) presenceCache.set(f.path, m = /* @__PURE__ */ new Map());
    const hit = m.get(branch);
    if (hit) return hit;
    const mask = buildsOf(f.path);
    let always = 0;
    let maybe = 0;
    const st = branchStatus.get(f.path);
    for (const i2 of bits(mask)) {
      const s = branch < 0 || !st ? 2 : st[i2]?.[branch] ?? 0;
      if (s === 2) always |= 1 << i2;
      if (s >= 1) maybe |= 1 << i2;
    }
    const p = { always, maybe };
    m.set(branch, p);
    return p;
  };
  const presence = (path4, line) => {
    const f = files.get(path4);
    if (!f) return { always: buildsOf(path4), maybe: buildsOf(path4) };
    return branchPresence(f, f.directives.branchOfLine[line] ?? -1);
  };
  for (const f of files.values()) {
    for (const u of f.directives.unfollowed) {
      if (presence(f.path, u.line).maybe)
        warnings.push({ path: f.path, message: `${f.path}:${u.line} at ${rev}: ${u.reason}`, incomplete: true });
    }
  }
  const presenceOfMacros = /* @__PURE__ */ new Map();
  const macroTable = (paths, upTo = /* @__PURE__ */ new Map()) => {
    const byName2 = /* @__PURE__ */ new Map();
    const set = new Set(paths);
    const before = (path4, line) => line < (upTo.get(path4) ?? Infinity);
    for (const p of [...set].sort()) {
      const f = files.get(p);
      if (!f) continue;
      const presences = macroPresences(f);
      f.directives.macros.forEach((m, i2) => {
        const pr = presences[i2];
        if (!pr.maybe || !before(p, m.line)) return;
        const list = byName2.get(m.name);
        const c = { value: m, file: f, line: m.line, presence: pr };
        if (list) list.push(c);
        else byName2.set(m.name, [c]);
      });
    }
    const macros = /* @__PURE__ */ new Map();
    const ambiguous = /* @__PURE__ */ new Map();
    for (const [name2, list] of byName2) {
      const chosen = list[list.length - 1].value;
      macros.set(name2, { name: name2, params: chosen.params, body: chosen.body });
      if (list.length > 1 && new Set(list.map((c) => macroKey(c.value))).size > 1) ambiguous.set(name2, list);
    }
    for (const [path4, list] of replaced) {
      if (!set.has(path4)) continue;
      const f = files.get(path4);
      const firstUse = Math.min(
        ...f.tables.map((t) => t.line),
        ...f.enums.map((e) => e.line),
        ...f.structs.structs.map((s) => s.loc.line)
      );
      for (const [i2, r] of list) {
        const old = f.directives.macros[i2];
        const now = f.directives.macros.find((m) => m.name === old.name && m.line === r.by);
        if (!before(path4, r.by) || !(r.redefined || firstUse < r.by)) continue;
        if (now && macroKey(now) === macroKey(old)) continue;
        const all = [
          { value: old, file: f, line: old.line, presence: presence(f.path, old.line) },
          ...byName2.get(old.name) ?? []
        ];
        ambiguous.set(
          old.name,
          all.sort((a, b) => a.file.path === b.file.path ? a.line - b.line : a.file.path < b.file.path ? -1 : 1)
        );
      }
    }
    return { macros, ambiguous };
  };
  const tableOf = (paths, upTo = /* @__PURE__ */ new Map()) => {
    const sorted = [...new Set(paths)].sort();
    const inputs = [];
    for (const p of sorted) inputs.push(files.get(p)?.directives, ...walksOf.get(p) ?? [], null);
    const key = sorted.map((p) => upTo.has(p) ? `${p}<${upTo.get(p)}` : p).join("\n");
    return treeTables.get(key, inputs, () => macroTable(sorted, upTo));
  };
  const everything = tableOf(files.keys());
  const scopes = /* @__PURE__ */ new Map();
  const trees = /* @__PURE__ */ new Map();
  const treeOf = (path4) => {
    let tree = trees.get(path4);
    if (tree) return tree;
    const seen = /* @__PURE__ */ new Set([path4]);
    const todo = [path4];
    while (todo.length) {
      const f = files.get(todo.pop());
      for (const inc of f?.directives.includes ?? []) {
        if (!presence(f.path, inc.line).maybe) continue;
        const t = resolve2(f.path, inc);
        if (t && !seen.has(t.path)) {
          seen.add(t.path);
          todo.push(t.path);
        }
      }
    }
    trees.set(path4, tree = [...seen]);
    return tree;
  };
  let includers = null;
  const includersOf = (path4) => {
    if (!includers) {
      includers = /* @__PURE__ */ new Map();
      for (const f of files.values()) {
        for (const inc of f.directives.includes) {
          const t = presence(f.path, inc.line).maybe ? resolve2(f.path, inc) : null;
          if (!t || t.path === f.path) continue;
          let by = includers.get(t.path);
          if (!by) includers.set(t.path, by = /* @__PURE__ */ new Map());
          if (!by.has(f.path)) by.set(f.path, inc.line);
        }
      }
    }
    return includers.get(path4) ?? /* @__PURE__ */ new Map();
  };
  const contexts2 = /* @__PURE__ */ new Map();
  const contextOf = (path4, visiting = /* @__PURE__ */ new Set()) => {
    const known = contexts2.get(path4);
    if (known) return known;
    const upTo = /* @__PURE__ */ new Map();
    const add = (p, line) => upTo.set(p, Math.max(upTo.get(p) ?? -1, line));
    visiting.add(path4);
    for (const [by, line] of includersOf(path4)) {
      add(by, line);
      const f = files.get(by);
      for (const inc of f.directives.includes) {
        const t = inc.line < line && presence(by, inc.line).maybe ? resolve2(by, inc) : null;
        if (t) for (const p of treeOf(t.path)) add(p, Infinity);
      }
      if (!visiting.has(by)) for (const [p, l] of contextOf(by, visiting)) add(p, l);
    }
    visiting.delete(path4);
    if (!visiting.size) contexts2.set(path4, upTo);
    return upTo;
  };
  const scope = (path4) => {
    let s = scopes.get(path4);
    if (s) return s;
    const own = tableOf(treeOf(path4));
    const context = contextOf(path4);
    s = context.size ? withContext(own, tableOf(context.keys(), context)) : own;
    scopes.set(path4, s);
    return s;
  };
  function macroPresences(f) {
    let list = presenceOfMacros.get(f.path);
    if (!list) {
      const st = macroStatus.get(f.path);
      list = f.directives.macros.map((_, i2) => macroPresence(f, i2, st));
      presenceOfMacros.set(f.path, list);
    }
    return list;
  }
  function macroPresence(f, i2, st) {
    const mask = buildsOf(f.path);
    let always = 0;
    let maybe = 0;
    for (const c of bits(mask)) {
      const s = st?.[c]?.[i2] ?? 0;
      if (s === 2) always |= 1 << c;
      if (s >= 1) maybe |= 1 << c;
    }
    return { always, maybe };
  }
  const conflicts = [];
  const model = {
    presence,
    live: (path4, line) => presence(path4, line).maybe !== 0,
    guards(path4, line) {
      const f = files.get(path4);
      if (!f) return [];
      const d = f.directives;
      const mask = buildsOf(f.path);
      return branchChain(d, line).filter((b) => !d.branches[b].includeGuard && branchPresence(f, b).always !== mask).map((b) => d.branches[b].condition);
    },
    packAt(path4, line, config) {
      if (packedIncludes.get(path4)?.has(config)) return null;
      let cap = 0;
      let certain = true;
      const f = files.get(path4);
      for (const [at, v, sure] of (f && packs.get(f.path)?.[config]) ?? []) {
        if (at > line) break;
        cap = v;
        certain = sure;
      }
      return certain ? cap : null;
    },
    macroPresence(path4, index) {
      const f = files.get(path4);
      return f ? macroPresences(f)[index] : { always: buildsOf(path4), maybe: buildsOf(path4) };
    },
    minKernel,
    macros: everything.macros,
    ambiguous: everything.ambiguous,
    scope,
    treeOf,
    conflicts,
    pick(what, candidates, same) {
      const live = candidates.filter((c) => c.presence.maybe !== 0);
      if (live.length <= 1) return live[0] ?? null;
      const values2 = new Set(live.map((c) => same(c.value)));
      if (values2.size > 1) conflicts.push(describeConflict(what, live));
      return live[live.length - 1];
    }
  };
  return model;
}
function macroKey(m) {
  return `${m.params ? `(${m.params.join(",")})` : ""}${m.body}`;
}
function describeConflict(what, live) {
  let together = false;
  for (let i2 = 0; i2 < live.length; i2++) {
    for (let j = i2 + 1; j < live.length; j++) if (live[i2].presence.always & live[j].presence.always) together = true;
  }
  const undecided = live.some((c) => c.presence.maybe !== c.presence.always);
  return {
    what,
    alternatives: live.map((c) => ({ loc: loc(c.file.path, c.line), builds: describeMask(c.presence.maybe) })),
    kind: together ? "together" : undecided ? "undecided" : "by-build"
  };
}
function conflictMessage(c, rev) {
  const places = c.alternatives.map((a) => `${a.loc.path}:${a.loc.line} (${a.builds})`).join(" and ");
  const why = c.kind === "together" ? "one build compiles more than one of them" : c.kind === "undecided" ? "which one a build compiles depends on a condition driver-semver cannot decide" : "the builds disagree on it";
  return `${c.what} at ${rev} has live definitions that differ: ${places}; ${why}, so this comparison is not complete`;
}

// src/surface/code-defines.ts
var listed = (names2) => names2 ? names2.split(" ") : [];
function defineIndex(code) {
  const out2 = /* @__PURE__ */ new Map();
  for (const path4 of Object.keys(code).sort()) {
    const file = code[path4];
    for (const [name2, macro] of Object.entries(file.macros ?? {})) {
      const list = out2.get(name2);
      const site = { path: path4, probe: file.probe, name: name2, macro };
      if (list) list.push(site);
      else out2.set(name2, [site]);
    }
  }
  return out2;
}
function resolve(index, path4, probe, name2) {
  const all = index.get(name2);
  if (!all) return [];
  const own = all.filter((s) => s.path === path4);
  if (own.length) return own;
  const driver = all.filter((s) => s.probe === probe);
  return driver.length ? driver : all.filter((s) => s.probe === "shared");
}
function expanded(index, path4, probe, fn) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [...listed(fn.calls), ...listed(fn.globals), ...listed(fn.macroNames)];
  const names2 = new Set(queue);
  while (queue.length) {
    for (const site of resolve(index, path4, probe, queue.pop())) {
      if (seen.has(site)) continue;
      seen.add(site);
      for (const m of listed(site.macro.mentions)) {
        if (names2.has(m)) continue;
        names2.add(m);
        queue.push(m);
      }
    }
  }
  return [...seen].sort(
    (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
}
function withDefines(index, path4, probe, fn) {
  if (!index.size) return fn;
  const sites2 = expanded(index, path4, probe, fn);
  if (!sites2.length) return fn;
  const fold2 = (own, of) => codeDigest([own, ...sites2.map((s) => `${s.name}\0${of(s.macro)}`)]);
  const out2 = { ...fn, hash: fold2(fn.hash, (m) => m.hash) };
  const variants2 = fn.compatVariants;
  if (variants2 || sites2.some((s) => s.macro.compatVariants)) {
    const own = variants2 ?? { oldest: [fn.hash, fn.hash, fn.hash, fn.hash], newest: fn.hash };
    const oldest = (i2) => fold2(own.oldest[i2], (m) => m.compatVariants ? m.compatVariants.oldest[i2] : m.hash);
    out2.compatVariants = {
      oldest: [oldest(0), oldest(1), oldest(2), oldest(3)],
      newest: fold2(own.newest, (m) => m.compatVariants?.newest ?? m.hash)
    };
  }
  if (fn.statsFreeHash) out2.statsFreeHash = fold2(fn.statsFreeHash, (m) => m.hash);
  if (fn.glueFreeHash) out2.glueFreeHash = fold2(fn.glueFreeHash, (m) => m.hash);
  return out2;
}

// src/surface/code-roles.ts
function listed2(names2) {
  return names2 ? names2.split(" ") : [];
}
function roleContext(s) {
  return {
    mapNames: /* @__PURE__ */ new Set([...Object.keys(s.bpfMaps), ...Object.keys(s.bpfGlobals)]),
    counters: counterFields(s.structs)
  };
}
function updatesOnlyCounters(counters, known) {
  return Boolean(counters?.length) && counters.every((c) => known.has(c));
}
function producesEvents(fn) {
  return Boolean(fn.marks?.includes("param") || fn.marks?.includes("event"));
}
function intrinsicRole(path4, fn, ctx) {
  const marks = fn.marks ?? [];
  if (isPlumbingFile(path4) && marks.includes("event") && !marks.includes("param")) return "transport";
  if (producesEvents(fn)) return "filler";
  if (marks.includes("tail-call")) return "dispatch";
  if (marks.includes("header") || marks.includes("transport")) return "transport";
  if (marks.includes("map") || listed2(fn.globals).some((g) => ctx.mapNames.has(g))) return "dispatch";
  if (fn.countsOnly && updatesOnlyCounters(fn.counters, ctx.counters)) return "statistics";
  return null;
}
var factIds = /* @__PURE__ */ new WeakMap();
var nextFactId = 0;
var recent = /* @__PURE__ */ new Map();
var RECENT_STATES = 8;
function resolveCodeRoles(code, ctx) {
  const key = stateKey(code, ctx);
  let out2 = recent.get(key);
  if (!out2) {
    out2 = computeRoles(code, ctx);
    if (recent.size >= RECENT_STATES) recent.delete(recent.keys().next().value);
    recent.set(key, out2);
  }
  return record(Object.keys(code).map((path4) => [path4, { ...code[path4], functions: out2[path4].functions }]));
}
function stateKey(code, ctx) {
  const files = Object.keys(code).sort().map((path4) => {
    const fns = code[path4].functions;
    let id = factIds.get(fns);
    if (id === void 0) factIds.set(fns, id = nextFactId++);
    return `${path4}\0${code[path4].probe}\0${id}`;
  });
  return [...files, [...ctx.mapNames].sort().join(","), [...ctx.counters].sort().join(",")].join("");
}
function computeRoles(code, ctx) {
  const nodes = [];
  const byName2 = /* @__PURE__ */ new Map();
  const byKey2 = /* @__PURE__ */ new Map();
  for (const path4 of Object.keys(code).sort()) {
    const file = code[path4];
    for (const [name2, fn] of Object.entries(file.functions)) {
      const node = { path: path4, probe: file.probe, name: name2, fn, callees: [], callers: [] };
      nodes.push(node);
      byKey2.set(`${path4}\0${name2}`, node);
      const list = byName2.get(name2);
      if (list) list.push(node);
      else byName2.set(name2, [node]);
    }
  }
  for (const node of nodes) {
    for (const call of listed2(node.fn.calls)) {
      const target = resolveCall(node, byName2.get(call));
      if (!target || target === node) continue;
      node.callees.push(target);
      target.callers.push(node);
    }
  }
  const role = /* @__PURE__ */ new Map();
  for (const node of nodes) {
    const r = intrinsicRole(node.path, node.fn, ctx);
    if (r) role.set(node, r);
  }
  const fillerEntry = (node) => !role.has(node) && !node.callers.length && !isPlumbingFile(node.path) && node.callees.some((c) => role.get(c) === "filler");
  for (const node of nodes) if (fillerEntry(node)) role.set(node, "filler");
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (role.has(node) || !node.fn.calls || node.callees.length !== listed2(node.fn.calls).length) continue;
      const roles = new Set(node.callees.map((c) => role.get(c)));
      const r = roles.size === 1 ? [...roles][0] : [...roles].every((x) => x === "dispatch" || x === "transport") ? "dispatch" : void 0;
      if (r && r !== "filler") {
        role.set(node, r);
        changed = true;
      }
    }
  }
  const spread = (queue, r) => {
    while (queue.length) {
      const n = queue.pop();
      for (const c of n.callees) {
        if (role.has(c) || r === "filler" && isPlumbingFile(c.path)) continue;
        role.set(c, r);
        queue.push(c);
      }
    }
  };
  for (const r of ["filler", "dispatch", "transport", "statistics"])
    spread(
      nodes.filter((n) => role.get(n) === r),
      r
    );
  for (const node of nodes) {
    if (!fillerEntry(node)) continue;
    role.set(node, "filler");
    spread([node], "filler");
  }
  const defines3 = defineIndex(code);
  const out2 = record();
  for (const path4 of Object.keys(code)) {
    const file = code[path4];
    const functions = record();
    for (const [name2, fn] of Object.entries(file.functions)) {
      const node = byKey2.get(`${path4}\0${name2}`);
      const folded = withDefines(defines3, path4, file.probe, fn);
      functions[name2] = { ...folded, role: (node && role.get(node)) ?? undecidedRole(path4) };
    }
    out2[path4] = { ...file, functions };
  }
  return out2;
}
function resolveCall(from, candidates) {
  if (!candidates) return void 0;
  return candidates.find((c) => c.path === from.path) ?? candidates.find((c) => c.probe === from.probe) ?? candidates.find((c) => c.probe === "shared") ?? (from.probe === "shared" ? candidates[0] : void 0);
}

// src/surface/production.ts
function fillerOf(entry) {
  const m = /^FILLER_REF\s*\(\s*(\w+)\s*\)$/.exec(entry[0] ?? "");
  if (!m) return null;
  return { filler: m[1], args: entry.slice(1).join(", ") };
}
function initText(init2) {
  if (init2.kind === "list")
    return `{${init2.items.map((i2) => (i2.designator ? `${i2.designator} = ` : "") + initText(i2.value)).join(", ")}}`;
  return normExpr(init2.text);
}
function resolveProduction(table, code, legacy) {
  const events = record();
  const drivers = [];
  const entry = (symbol) => events[symbol] ??= {};
  if (table) {
    drivers.push("kmod");
    const legacyFillers = /* @__PURE__ */ new Set();
    for (const file of Object.values(code))
      if (file.probe === "legacy") for (const name2 of Object.keys(file.functions)) legacyFillers.add(name2);
    if (legacy) drivers.push("legacy");
    for (const item of table.items) {
      if (!item.designator || item.value.kind !== "list") continue;
      const parts2 = item.value.items.map((i2) => initText(i2.value));
      const filler = fillerOf(parts2);
      if (!filler) continue;
      const e = entry(item.designator);
      const path4 = item.path ?? table.path;
      const at = loc(path4, item.value.line);
      const guard = item.path ? void 0 : table.guard(item.line);
      e.kmod = { filler: filler.filler, args: filler.args, loc: at, ...guard ? { guard } : {} };
      if (legacy && legacyFillers.has(filler.filler))
        e.legacy = { filler: filler.filler, args: filler.args, loc: at, ...guard ? { guard } : {} };
    }
  }
  const modernFiles = Object.entries(code).filter(([, f]) => f.probe === "modern");
  if (modernFiles.length) {
    drivers.push("modern");
    for (const [path4, file] of modernFiles.sort(([a], [b]) => a < b ? -1 : 1)) {
      for (const [name2, fn] of Object.entries(file.functions)) {
        for (const symbol of listed2(fn.events)) {
          const e = entry(symbol);
          e.modern ??= { programs: [], loc: loc(path4, fn.line) };
          e.modern.programs.push(name2);
        }
      }
    }
  }
  return { drivers, events };
}

// src/surface/shared-constants.ts
var SHARED_HEADERS = [
  "driver/ppm_events_public.h",
  "driver/ppm_ringbuffer.h",
  "driver/capture_macro.h",
  "driver/modern_bpf/shared_definitions/struct_definitions.h",
  "driver/bpf/types.h"
];
var USERSPACE_CONSTANTS = record({
  PPM_MAX_EVENT_PARAMS: {
    governs: "schema",
    usedBy: "libscap scap_print_event.c and libpman iterators.c size param arrays with it"
  },
  PPME_DIRECTION_FLAG: {
    governs: "schema",
    usedBy: "libscap scap_event.c and the converter tell enter from exit events with it (PPME_IS_ENTER)"
  },
  PPM_MAX_NAME_LEN: { governs: "api", usedBy: "libscap ppm_sc_names.c sizes the syscall names with it" },
  SYSCALL_TABLE_SIZE: {
    governs: "api",
    usedBy: "the libscap kmod and modern_bpf engines and scap_ppm_sc.c size the syscall tables and masks they pass to the drivers with it"
  },
  MAX_ITER_EVENT_SIZE: {
    governs: "api",
    usedBy: "libpman iterators.c sizes the buffer it reads iterator events into with it"
  },
  SNAPLEN: {
    governs: "api",
    usedBy: "libscap's legacy eBPF engine (scap_bpf.c) sets the probe's default snaplen with it"
  },
  SNAPLEN_MAX: {
    governs: "api",
    usedBy: "libscap's legacy eBPF engine (scap_bpf.c) validates the snaplen it sets with it"
  },
  RW_SNAPLEN: { governs: "api", usedBy: "SNAPLEN before 05f441523 (libscap scap_bpf.c)" },
  RW_MAX_SNAPLEN: { governs: "api", usedBy: "SNAPLEN_MAX before 05f441523 (libscap scap_bpf.c)" },
  PPM_PORT_STATSD: {
    governs: "api",
    usedBy: "libpman maps.c and the legacy eBPF engine set the default statsd port with it"
  },
  SECOND_TO_NS: {
    governs: "api",
    usedBy: "libscap scap_procs.c and scap_machine_info.c convert the times it reads with it"
  }
});
var SHARED_ONLY_HEADERS = [
  "driver/ppm_ringbuffer.h",
  "driver/modern_bpf/shared_definitions/struct_definitions.h"
];
function sharedWithUserspace(name2, c) {
  return Object.hasOwn(USERSPACE_CONSTANTS, name2) || SHARED_ONLY_HEADERS.includes(c.loc.path);
}
var ELSEWHERE = /^PPM_(API|SCHEMA|VERSION|IOCTL)_|_IDX_MAX$|_H_?$/;
function resolveSharedConstants(facts, wire, read2) {
  const out2 = record();
  for (const path4 of SHARED_HEADERS) {
    const f = facts.find((x) => x.path === path4);
    if (!f) continue;
    f.macros.forEach((m, i2) => {
      if (m.params !== null || m.body === "" || ELSEWHERE.test(m.name) || wire.has(m.name) || Object.hasOwn(out2, m.name) || !read2.live(path4, i2))
        return;
      const value = evaluateNumber(m.body, read2.symsOf(path4));
      if (value === null) return;
      const guard = read2.guard(path4, m.line);
      const c = { value, expr: m.body, loc: loc(f.path, m.line), ...guard ? { guard } : {} };
      out2[m.name] = c;
    });
  }
  return out2;
}

// src/surface/wire-defines.ts
function isWireDefine(name2) {
  return !/^PPM_(IOCTL_|MAX_|API_|VERSION_|SCHEMA_)/.test(name2) && !/_MAX$/.test(name2);
}

// src/surface/extract/enums.ts
function extractEnums(file) {
  const out2 = [];
  for (const { node: spec } of file.descendants(["enum_specifier"])) {
    const body2 = spec.childForFieldName("body");
    if (!body2) continue;
    let name2 = spec.childForFieldName("name")?.text ?? null;
    if (!name2 && spec.parent?.type === "type_definition") {
      name2 = spec.parent.childForFieldName("declarator")?.text ?? null;
    }
    const enumerators = [];
    let opaqueAfter = null;
    for (const child of body2.namedChildren) {
      if (!child) continue;
      if (child.type === "enumerator") {
        const line = lineOfNode(child);
        const value = child.childForFieldName("value");
        const guard = file.pre.guardsAt(line).map((g) => g.condition);
        enumerators.push({
          name: child.childForFieldName("name").text,
          expr: value ? foldSpace(value.text) : null,
          line,
          ...guard.length ? { guard } : {}
        });
      } else if (child.type === "ERROR") opaqueAfter ??= enumerators.length;
    }
    out2.push({
      name: name2,
      line: lineOfNode(spec),
      endLine: body2.endPosition.row + 1,
      names: namesIn(body2.text),
      enumerators,
      opaqueAfter,
      retired: retiredEnumerators(file, body2.startIndex, body2.endIndex)
    });
  }
  return out2;
}
function retiredEnumerators(file, start2, end) {
  const out2 = [];
  const lineOf = file.lineAt;
  const re = /\b([A-Z][A-Z0-9_]{0,127})\s{0,16}=\s{0,16}(\(?[^,\n*=]{0,256}?\)?)\s{0,16},/g;
  re.lastIndex = start2;
  const text2 = file.pre.c.spliced;
  for (let m = re.exec(text2); m && m.index < end; m = re.exec(text2)) {
    if (file.pre.text[m.index] !== " ") continue;
    out2.push({ name: m[1], expr: m[2].trim(), line: lineOf(m.index) });
  }
  return out2;
}

// src/surface/extract/ioctls.ts
function retiredIoctls(source, lineOf) {
  const out2 = [];
  const re = /^[ \t]*(?:\/\/|\/\*)[ \t]*#[ \t]*define[ \t]+(PPM_IOCTL_\w+)[ \t]+(_IO\w*[ \t]*\([^)\n]*\))/gm;
  for (const m of source.matchAll(re)) out2.push({ name: m[1], expr: m[2], line: lineOf(m.index) });
  return out2;
}

// src/surface/extract/ppm-sc.ts
function extractPpmScMacro(file) {
  const { spliced, text: text2 } = file.pre.c;
  const out2 = [];
  for (const def of file.pre.directives.macros) {
    if (def.name !== "PPM_SC_FIELDS" || def.params !== null) continue;
    const span = file.pre.directives.spans.find(([a]) => file.lineAt(a) === def.line);
    if (!span) continue;
    const re = /PPM_SC_X\s*\(\s*(\w+)\s*,\s*([^)]*?)\s*\)/g;
    re.lastIndex = span[0];
    for (let m = re.exec(spliced); m && m.index < span[1]; m = re.exec(spliced)) {
      const live = text2.slice(m.index, m.index + 8) === "PPM_SC_X";
      out2.push({
        symbol: `PPM_SC_${m[1]}`,
        name: m[1],
        expr: m[2],
        line: file.lineAt(m.index),
        retired: !live,
        defineLine: def.line
      });
    }
  }
  return out2;
}

// src/surface/extract/tables.ts
var TABLE_TYPES = ["ppm_event_info", "ppm_name_value", "ppm_param_info", "syscall_evt_pair", "ppm_event_entry"];
function extractTables(file) {
  const out2 = [];
  for (const decl of arrayDeclarations(file)) {
    const elementType = /struct\s+(\w+)/.exec(decl.typeText)?.[1] ?? decl.typeText;
    if (!TABLE_TYPES.includes(elementType)) continue;
    const init2 = toInit(decl.init, { text: file.pre.text, lineAt: file.lineAt });
    if (init2.kind !== "list") continue;
    out2.push({
      name: decl.name,
      elementType,
      size: decl.size,
      line: decl.line,
      endLine: decl.init.endPosition.row + 1,
      names: namesIn(decl.init.text),
      items: init2.items.map((item, position) => {
        const guard = file.pre.guardsAt(item.value.line).map((g) => g.condition);
        return {
          designator: item.designator,
          position,
          value: item.value,
          line: item.line,
          endLine: item.endLine,
          ...guard.length ? { guard } : {}
        };
      })
    });
  }
  return out2;
}

// src/surface/extract/x-lists.ts
var X_LISTS = record({
  // ppm_tp.h: the position is the ENABLE_TP/DISABLE_TP ioctl argument.
  KMOD_PROGS: /\bX\s*\(\s*(\w+)/g,
  // ppm_fillers.h: the position is the legacy probe's tail-call id.
  FILLER_LIST_MAPPER: /\bFN\s*\(\s*(\w+)/g
});
function extractXLists(file) {
  const out2 = [];
  const { directives } = file.pre;
  const text2 = file.pre.c.text;
  for (const def of directives.macros) {
    const entryRe = X_LISTS[def.name];
    if (!entryRe) continue;
    const span = directives.spans.find(([a]) => file.lineAt(a) === def.line);
    if (!span) continue;
    const body2 = text2.slice(span[0], span[1]);
    const entries = [...body2.matchAll(entryRe)].map((m) => ({ name: m[1], line: file.lineAt(span[0] + m.index) }));
    out2.push({ name: def.name, line: def.line, entries });
  }
  return out2;
}

// src/vocabulary.ts
var GOVERNS = ["api", "schema"];
var VERSION_LABEL = {
  api: "API_VERSION",
  schema: "SCHEMA_VERSION"
};
var VERSION_FILES = {
  api: `driver/${VERSION_LABEL.api}`,
  schema: `driver/${VERSION_LABEL.schema}`
};
var VERSION_KIND = { api: "API", schema: "SCHEMA" };
var SCAP_HEADER = "userspace/libscap/scap.h";
var FAILING_STATUSES = [
  "missing",
  "too-small",
  "too-large",
  "not-one-step",
  "decreased",
  "invalid"
];
function dedupe(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((t) => {
    const k = key(t);
    return !seen.has(k) && Boolean(seen.add(k));
  });
}

// src/surface/files.ts
var SURFACE_PREFIXES = ["driver", SCAP_HEADER];
var TREE_FILES = [
  /^driver\/ppm_events_public\.h$/,
  /^driver\/event_table\.c$/,
  /^driver\/flags_table\.c$/,
  /^driver\/dynamic_params_table\.c$/,
  /^driver\/syscall_table\.c$/,
  /^driver\/fillers_table\.c$/,
  /^driver\/ppm_ringbuffer\.h$/,
  /^driver\/capture_macro\.h$/,
  /^driver\/ppm_tp\.h$/,
  /^driver\/ppm_fillers\.h$/,
  /^driver\/modern_bpf\/shared_definitions\/struct_definitions\.h$/,
  /^driver\/bpf\/types\.h$/,
  // The legacy probe's supported kernel range (its #error on LINUX_VERSION_CODE).
  /^driver\/bpf\/quirks\.h$/,
  /^userspace\/libscap\/scap\.h$/
];
var TEXT_FILES = [
  /^driver\/main\.c$/,
  /^driver\/modern_bpf\/maps\/maps\.h$/,
  /^driver\/bpf\/maps\.h$/
];
function fileKind(path4) {
  if (TREE_FILES.some((re) => re.test(path4))) return "tree";
  if (TEXT_FILES.some((re) => re.test(path4))) return "text";
  if (isCodeFile(path4)) return "code";
  return null;
}
function fileKinds(path4) {
  const kind2 = fileKind(path4);
  if (kind2 === null) return [];
  return kind2 !== "code" && isCodeFile(path4) ? [kind2, "code"] : [kind2];
}
function hasLegacyProbe(paths) {
  for (const p of paths) if (probeOf(p) === "legacy") return true;
  return false;
}
var VERSION_PATHS = new Set(Object.values(VERSION_FILES));
function isSurfacePath(path4) {
  return VERSION_PATHS.has(path4) || fileKind(path4) !== null;
}
function treeTraits(paths) {
  return hasLegacyProbe(paths) ? "legacy-probe" : "";
}

// src/surface/facts.ts
var EMPTY_DIRECTIVES = {
  branches: [],
  macros: [],
  includes: [],
  ops: [],
  branchOfLine: [],
  spans: [],
  unbalanced: false,
  unfollowed: []
};
function emptyFacts(path4) {
  return {
    path: path4,
    directives: EMPTY_DIRECTIVES,
    macros: [],
    enums: [],
    tables: [],
    ppmSc: [],
    structs: { structs: [], typedefs: {} },
    xLists: [],
    retiredIoctls: [],
    topLevel: NO_TOP_LEVEL,
    code: null,
    parseProblems: []
  };
}
async function extractFacts(path4, source, kind2 = fileKind(path4), minKernel = 0n, budget) {
  const facts = emptyFacts(path4);
  if (kind2 === "tree") {
    let file;
    try {
      file = await parseC(path4, source, budget);
    } catch (e) {
      if (e instanceof ParseTimeout) return e.message;
      throw e;
    }
    try {
      facts.directives = file.pre.directives;
      facts.macros = file.pre.directives.macros;
      facts.enums = extractEnums(file);
      facts.tables = extractTables(file);
      facts.ppmSc = extractPpmScMacro(file);
      facts.structs = collectStructs([file]);
      facts.xLists = extractXLists(file);
      facts.retiredIoctls = retiredIoctls(file.pre.c.spliced, file.lineAt);
      for (const t of facts.tables) {
        for (const item of t.items) {
          if (hasInitError(item.value))
            facts.parseProblems.push(`${t.name}: entry at line ${item.value.line} could not be parsed`);
        }
      }
    } finally {
      file.dispose();
    }
  } else if (kind2 === "text") {
    const c = cText(source);
    facts.directives = scanDirectives(c.text);
    facts.macros = facts.directives.macros;
    facts.topLevel = topLevelStatements(c.text, facts.directives);
  } else if (kind2 === "code") {
    facts.code = extractCodeBodies(path4, source, minKernel);
  }
  return facts;
}

// src/surface/pragma-macros.ts
async function scanPragmaMacroUses(files, read2, opts = {}) {
  const names2 = pragmaMacroNames([...files.values()].map((f) => f.directives));
  if (!names2.size) return;
  for (const [path4, f] of files) {
    if (f.code !== null) continue;
    const source = (await read2(path4))?.toString("utf8");
    if (source === void 0) continue;
    const directives = scanDirectives(cText(source).text, names2);
    const uses = [];
    for (const op of directives.ops) if (op.op === "expand") uses.push([op.offset, op.offset + op.text.length]);
    let facts = f;
    if (uses.length) {
      try {
        facts = await extractFacts(path4, blank2(source, uses), fileKind(path4) ?? "tree", 0n, opts.budget);
      } catch (e) {
        if (!(e instanceof BudgetSpent)) throw e;
        opts.warn?.(path4, `it is not read again without its uses of macros that expand to _Pragma: ${e.message}`);
      }
    }
    if (typeof facts === "string") facts = f;
    files.set(path4, { ...facts, directives, macros: directives.macros });
  }
}
function blank2(text2, ranges) {
  let out2 = text2;
  for (const [a, b] of ranges) out2 = out2.slice(0, a) + out2.slice(a, b).replace(/[^\n]/g, " ") + out2.slice(b);
  return out2;
}

// src/surface/reread.ts
function keptAsWritten(def, macros, budget) {
  if (/\b(__attribute__|_Alignas|alignas|_Pragma|__pragma|__declspec)\b|\[\[/.test(def.body) || def.body.trim() === "")
    return false;
  if (def.params !== null) return !/[;={}#]/.test(def.body) && !topLevelComma(def.body);
  return evaluate(def.body, { macros, enumerators: /* @__PURE__ */ new Map(), budget }) !== null;
}
function topLevelComma(body2) {
  let depth = 0;
  for (const ch of body2) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) return true;
  }
  return false;
}
function needsReread(d, def, names2, ctx) {
  if (d.includes.some((i2) => i2.line > def.line && i2.line < def.endLine)) return true;
  return (names2 ?? []).some((n) => {
    if (ctx.keep.has(n)) return false;
    const m = ctx.macros.get(n);
    return m !== void 0 && !keptAsWritten(m, ctx.macros, ctx.budget);
  });
}
async function reread(path4, d, def, ctx) {
  const lines = [];
  await rebuild(path4, d, def.line, def.endLine, ctx, /* @__PURE__ */ new Map(), lines, 0, def.name);
  const text2 = lines.map((l) => l.text).join("\n");
  const origins = [{ path: path4, line: def.line }, ...lines.map((l) => l.from)];
  const to = (n) => origins[n] ?? { path: path4, line: def.line };
  const file = parseCSync(path4, text2, ctx.budget);
  try {
    const facts = { tables: [], enums: [], structs: { structs: [], typedefs: {} } };
    if (def.kind === "table")
      facts.tables = extractTables(file).filter((t) => t.name === def.name).map((t) => mapTable(t, path4, to));
    else if (def.kind === "enum")
      facts.enums = extractEnums(file).filter((e) => e.name === def.name).map((e) => mapEnum(e, path4, to));
    else
      facts.structs = {
        structs: collectStructs([file]).structs.filter((x) => x.name === def.name).map((s) => mapStruct(s, to)),
        typedefs: {}
      };
    const found = facts.tables.length + facts.enums.length + facts.structs.structs.length;
    return found ? facts : null;
  } finally {
    file.dispose();
  }
}
function mapInit(init2, to) {
  const copy2 = structuredClone(init2);
  const todo = [copy2];
  while (todo.length) {
    const i2 = todo.pop();
    i2.line = to(i2.line).line;
    if (i2.kind === "list")
      for (const item of i2.items) {
        item.line = to(item.line).line;
        item.endLine = to(item.endLine).line;
        todo.push(item.value);
      }
  }
  return copy2;
}
function elsewhere(l, path4) {
  return l.path === path4 ? {} : { path: l.path };
}
function mapTable(t, path4, to) {
  return {
    ...t,
    line: to(t.line).line,
    endLine: to(t.endLine).line,
    items: t.items.map((item) => ({
      ...item,
      line: to(item.line).line,
      endLine: to(item.endLine).line,
      value: mapInit(item.value, to),
      ...elsewhere(to(item.line), path4)
    }))
  };
}
function mapEnum(e, path4, to) {
  return {
    ...e,
    line: to(e.line).line,
    endLine: to(e.endLine).line,
    enumerators: e.enumerators.map((x) => ({ ...x, line: to(x.line).line, ...elsewhere(to(x.line), path4) }))
  };
}
function mapStruct(s, to) {
  const moved = {
    ...s,
    loc: to(s.loc.line),
    endLine: to(s.endLine).line,
    fields: s.fields.map((f) => ({ ...f, line: to(f.line).line, at: to(f.line) }))
  };
  if (s.lastLine !== void 0) moved.lastLine = to(s.lastLine).line;
  return moved;
}
async function rebuild(path4, d, from, to, ctx, local, out2, depth, what) {
  const source = await ctx.read(path4);
  if (source === null) {
    ctx.problem(`${path4} cannot be read to follow ${what}`);
    return;
  }
  const text2 = cText(source).text.split("\n");
  const lookup = {
    get: (n) => {
      const def = local.has(n) ? local.get(n) ?? void 0 : ctx.macros.get(n);
      return def && !ctx.keep.has(n) && !keptAsWritten(def, ctx.macros, ctx.budget) ? def : void 0;
    },
    has: (n) => lookup.get(n) !== void 0
  };
  for (let line = from; line <= to; line++) {
    const raw = text2[line - 1] ?? "";
    const at = { path: path4, line };
    const inc = d.includes.find((i2) => i2.line === line);
    const define = d.macros.find((m) => m.line === line);
    const undef = d.ops.find((o) => o.op === "undef" && o.line === line);
    if (inc && line > from && line < to) {
      out2.push({ text: "", from: at });
      const target = ctx.resolve(path4, inc.path, inc.angled);
      const name2 = inc.angled ? `<${inc.path}>` : `"${inc.path}"`;
      if (!target)
        ctx.problem(
          `${path4}:${line} includes ${name2} inside ${what}, and it is not a file of the tree: it cannot be followed`
        );
      else if (depth >= MAX_INCLUDE_DEPTH)
        ctx.problem(
          `${path4}:${line} includes ${name2} inside ${what} more than ${MAX_INCLUDE_DEPTH} deep: not followed`
        );
      else {
        const content = await ctx.read(target);
        if (content === null) ctx.problem(`${target}, included inside ${what}, cannot be read`);
        else {
          const c = cText(content).text;
          await rebuild(target, scanDirectives(c), 1, c.split("\n").length, ctx, local, out2, depth + 1, what);
        }
      }
      continue;
    }
    if (define) local.set(define.name, { name: define.name, params: define.params, body: define.body });
    else if (undef && undef.op === "undef") local.set(undef.name, null);
    if (/^\s*(#|%:)/.test(raw) || !raw.trim()) {
      out2.push({ text: raw, from: at });
      continue;
    }
    const e = expandMacros(raw, lookup, { keep: ctx.keep, budget: ctx.budget });
    if ("problem" in e)
      ctx.problem(
        e.spent ? `${path4}, in ${what}: ${e.problem}, so its macros are not expanded` : `${path4}:${line}, in ${what}: ${e.problem}`
      );
    out2.push({ text: "text" in e ? e.text : raw, from: at });
  }
}

// src/surface/initializers.ts
var scalar = { kind: "name", name: "int" };
var struct = (name2) => ({ kind: "struct", name: name2, tagged: true });
var array2 = (of) => ({ kind: "array", of, size: null });
var DECLARED_ELEMENTS = {
  ppm_event_info: [
    { name: "name", type: scalar },
    { name: "category", type: scalar },
    { name: "flags", type: scalar },
    { name: "nparams", type: scalar },
    { name: "params", type: array2(struct("ppm_param_info")) }
  ],
  ppm_param_info: ["name", "type", "fmt", "info", "ninfo"].map((name2) => ({ name: name2, type: scalar })),
  ppm_name_value: ["name", "value"].map((name2) => ({ name: name2, type: scalar })),
  syscall_evt_pair: ["flags", "enter_event_type", "exit_event_type", "ppm_sc"].map((name2) => ({ name: name2, type: scalar })),
  ppm_event_entry: [
    ...["filler_callback", "filler_id", "n_autofill_args", "paramtype"].map((name2) => ({ name: name2, type: scalar })),
    { name: "autofill_args", type: array2(struct("ppm_autofill_arg")) }
  ]
};
function designatorSteps(designator) {
  const steps = [];
  const re = /\s*(?:\.\s*([A-Za-z_]\w*)|\[([^\]]*)\])/y;
  let text2 = designator.trim();
  if (!text2.startsWith(".") && !text2.startsWith("[")) {
    const end = /[.[]/.exec(text2.slice(1));
    const at = end ? end.index + 1 : text2.length;
    steps.push({ index: text2.slice(0, at).trim() });
    text2 = text2.slice(at);
  }
  re.lastIndex = 0;
  for (let m = re.exec(text2); m; m = re.exec(text2))
    steps.push(m[1] !== void 0 ? { field: m[1] } : { index: m[2].trim() });
  return steps;
}
var ZERO = (line) => ({ kind: "expr", text: "0", line, implicit: true });
function layOut(init2, type, shapes) {
  if (init2.kind !== "list") return { init: init2 };
  const members = type.kind === "array" ? null : shapes.members(type);
  if (type.kind !== "array" && !members) {
    return init2.items.some((i2) => i2.designator !== null) ? { problem: "a designated initializer of a type driver-semver does not know" } : { init: init2 };
  }
  const slots = [];
  let cursor = 0;
  for (const item of init2.items) {
    const steps = item.designator === null ? [] : designatorSteps(item.designator);
    let at;
    if (!steps.length) at = cursor;
    else {
      const first = steps[0];
      const found = placeOf(first, members, shapes);
      if (found === null)
        return {
          problem: `the designator ${item.designator} names no ${members ? "member" : "element"} driver-semver can place`
        };
      at = found;
    }
    if (members && at >= members.length) return { problem: "more initializers than the struct has members" };
    const slotType = members ? members[at].type : type.of;
    const placed = assign(slots[at]?.value, slotType, steps.slice(1), item.value, shapes);
    if ("problem" in placed) return placed;
    slots[at] = { value: placed.init, line: item.line, endLine: item.endLine };
    cursor = at + 1;
  }
  const items = [];
  for (let i2 = 0; i2 < slots.length; i2++) {
    const s = slots[i2];
    items.push(
      s ? { designator: null, value: s.value, line: s.line, endLine: s.endLine } : { designator: null, value: ZERO(init2.line), line: init2.line, endLine: init2.line }
    );
  }
  return { init: { kind: "list", items, line: init2.line, ...init2.error ? { error: true } : {} } };
}
function placeOf(step, members, shapes) {
  if (members) return "field" in step ? nonNegative(members.findIndex((m) => m.name === step.field)) : null;
  return "index" in step ? nonNegative(shapes.index(step.index)) : null;
}
function nonNegative(n) {
  return n === null || n < 0 ? null : n;
}
function assign(current, type, steps, value, shapes) {
  if (!steps.length) return layOut(value, type, shapes);
  const base = current && current.kind === "list" ? current : { kind: "list", items: [], line: value.line };
  const designator = steps.map((s) => "field" in s ? `.${s.field}` : `[${s.index}]`).join("");
  return layOut(
    { ...base, items: [...base.items, { designator, value, line: value.line, endLine: value.line }] },
    type,
    shapes
  );
}

// src/surface/shared-structs.ts
var DEFAULT_SHARED_STRUCTS = [
  { name: "ppm_evt_hdr", why: "the header of every event on the wire" },
  { name: "ppm_ring_buffer_info", why: "mmapped by userspace from the kmod device" },
  { name: "ppm_proclist_info", why: "filled by PPM_IOCTL_GET_PROCLIST" },
  { name: "ppm_proc_info", why: "entries of PPM_IOCTL_GET_PROCLIST" },
  { name: "capture_settings", modernProbe: true, why: "the modern probe settings map, written by libpman" },
  { name: "counter_map", modernProbe: true, why: "modern probe stats read by libpman" },
  { name: "iter_counters", modernProbe: true, why: "modern probe iterator stats read by libpman" },
  { name: "auxiliary_map", modernProbe: true, why: "modern probe per-CPU map sized by libpman" },
  { name: "scap_bpf_settings", why: "the legacy probe settings map, written by libscap", legacyOnly: true },
  { name: "scap_bpf_per_cpu_state", why: "legacy probe stats read by libscap", legacyOnly: true },
  { name: "ppm_event_info", why: "g_event_info, pushed by libscap into the legacy probe", legacyOnly: true },
  { name: "ppm_param_info", why: "inside ppm_event_info, pushed into the legacy probe", legacyOnly: true },
  { name: "syscall_evt_pair", why: "g_syscall_table, pushed by libscap into the legacy probe", legacyOnly: true },
  { name: "ppm_event_entry", why: "g_ppm_events (fillers table), pushed into the legacy probe", legacyOnly: true },
  { name: "ppm_autofill_arg", why: "inside ppm_event_entry, pushed into the legacy probe", legacyOnly: true }
];
var MODERN_PROBE_STRUCTS = new Set(DEFAULT_SHARED_STRUCTS.filter((s) => s.modernProbe).map((s) => s.name));

// src/surface/build.ts
var FactsCache = class {
  map = /* @__PURE__ */ new Map();
  keysOfBlob = /* @__PURE__ */ new Map();
  /** Readings extracted so far, forgotten ones included. */
  extracted = 0;
  get(key, make) {
    const known = this.map.get(key);
    if (known) return known;
    const p = make();
    this.map.set(key, p);
    this.extracted++;
    const blob = key.slice(key.lastIndexOf(":") + 1);
    this.keysOfBlob.set(blob, [...this.keysOfBlob.get(blob) ?? [], key]);
    p.catch((e) => {
      if (!(e instanceof BudgetSpent) || this.map.get(key) !== p) return;
      this.map.delete(key);
      const keys = (this.keysOfBlob.get(blob) ?? []).filter((k) => k !== key);
      if (keys.length) this.keysOfBlob.set(blob, keys);
      else this.keysOfBlob.delete(blob);
    });
    return p;
  }
  /** Forgets every reading of a blob no later revision holds (the audit's memory stays flat). */
  forget(blob) {
    for (const k of this.keysOfBlob.get(blob) ?? []) this.map.delete(k);
    this.keysOfBlob.delete(blob);
  }
};
function factsKey(path4, kind2, blob, minKernel = 0n) {
  if (kind2 === "text") return `text:${path4}:${blob}`;
  return kind2 === "code" ? `code:${minKernel}:${blob}` : `${kind2}:${blob}`;
}
var PUBLIC_HEADER = "driver/ppm_events_public.h";
var USERSPACE = viewMask("userspace");
async function blobFacts(path4, data, kind2 = fileKind(path4) ?? "tree", minKernel = 0n, budget) {
  await initParser();
  if (!data) return "its blob is missing from this clone (a partial or filtered mirror?)";
  if (data.length > MAX_FILE_BYTES) return tooLarge(data.length);
  return extractFacts(path4, data.toString("utf8"), kind2, minKernel, budget);
}
var budgets = /* @__PURE__ */ new WeakMap();
function budgetOf(snap) {
  let b = budgets.get(snap);
  if (!b) budgets.set(snap, b = new WorkBudget());
  return b;
}
function kernelRanges(files) {
  const out2 = {};
  const all = [...files];
  for (const view of ["kmod", "legacy"]) {
    const config = CONFIGS.find((c) => c.view === view);
    out2[view] = minimumKernel(
      all.filter((f) => buildsOf(f.path) & 1 << config.index),
      config
    );
  }
  return out2;
}
function codeKernel(path4, ranges) {
  const probe = probeOf(path4);
  if (probe === "kmod") return ranges.kmod ?? 0n;
  if (probe === "legacy") return ranges.legacy ?? 0n;
  if (probe === "shared") return [ranges.kmod ?? 0n, ranges.legacy ?? 0n].reduce((a, b) => a < b ? a : b);
  return 0n;
}
function tooLarge(size) {
  return `it is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`;
}
var NOT_A_FILE = {
  "120000": "a symbolic link",
  "160000": "a submodule"
};
async function loadFacts(snap, cache, warnings, p, kind2, minKernel, budget, retried = false) {
  const entry = snap.files.get(p);
  const what = entry.mode ? NOT_A_FILE[entry.mode] : void 0;
  if (what) {
    warnings.push({
      path: p,
      message: `${p} at ${snap.label} is ${what}: driver-semver does not read it through`,
      incomplete: true,
      unread: true
    });
    return null;
  }
  const read2 = () => cache.get(factsKey(p, kind2, entry.blob, minKernel), async () => {
    const size = entry.size ?? await snap.size(p);
    return size !== null && size > MAX_FILE_BYTES ? tooLarge(size) : blobFacts(p, await snap.read(p), kind2, minKernel, budget);
  });
  let r;
  try {
    r = await read2();
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
    if (e.budget !== budget && !retried) return loadFacts(snap, cache, warnings, p, kind2, minKernel, budget, true);
    warnings.push({
      path: p,
      message: `${p} at ${snap.label} is not read: ${e.message}`,
      incomplete: true,
      unread: true
    });
    return null;
  }
  if (typeof r === "string") {
    warnings.push({ path: p, message: `could not read ${p} at ${snap.label}: ${r}`, incomplete: true, unread: true });
    return null;
  }
  for (const problem of r.parseProblems)
    warnings.push({ path: p, message: `${p} at ${snap.label}: ${problem}`, incomplete: true });
  return r.path === p ? r : { ...r, path: p };
}
async function readDeclarations(snap, cache, warnings, budget = budgetOf(snap)) {
  const files = /* @__PURE__ */ new Map();
  const paths = [...snap.files.keys()].filter((p) => fileKind(p) === "tree" || fileKind(p) === "text").sort();
  const loaded = await Promise.all(paths.map((p) => loadFacts(snap, cache, warnings, p, fileKind(p), 0n, budget)));
  loaded.forEach((f, i2) => {
    if (f) files.set(paths[i2], f);
  });
  const exists = (p) => snap.files.has(p);
  let frontier = [...files.values()].filter((f) => f.directives.includes.length);
  let added2 = 0;
  while (frontier.length) {
    const next = /* @__PURE__ */ new Set();
    for (const f of frontier) {
      for (const inc of f.directives.includes) {
        const target = includeTarget(f.path, inc, exists);
        if (target && !files.has(target) && fileKind(target) === null) next.add(target);
      }
    }
    const wanted = [...next].sort();
    if (added2 + wanted.length > MAX_INCLUDED_FILES) {
      warnings.push({
        path: wanted[0],
        message: `the surface files at ${snap.label} include more than ${MAX_INCLUDED_FILES} other files: the rest are not read`,
        incomplete: true
      });
      wanted.length = Math.max(0, MAX_INCLUDED_FILES - added2);
    }
    added2 += wanted.length;
    const more = await Promise.all(wanted.map((p) => loadFacts(snap, cache, warnings, p, "tree", 0n, budget)));
    frontier = [];
    more.forEach((f, i2) => {
      if (!f) return;
      files.set(wanted[i2], f);
      frontier.push(f);
    });
  }
  return files;
}
async function readFiles(snap, cache, warnings, budget) {
  const files = await readDeclarations(snap, cache, warnings, budget);
  const kernels = kernelRanges(files.values());
  const code = [...snap.files.keys()].filter((p) => fileKind(p) === "code" || isCodeFile(p) && files.has(p)).sort();
  const codeFacts = await Promise.all(
    code.map((p) => loadFacts(snap, cache, warnings, p, "code", codeKernel(p, kernels), budget))
  );
  codeFacts.forEach((f, i2) => {
    const text2 = files.get(code[i2]);
    if (f) files.set(code[i2], text2 ? { ...text2, code: f.code } : f);
  });
  return { files: new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)), kernels };
}
async function rereadDefinitions(files, snap, model, warnings, budget) {
  const exists = (p) => snap.files.has(p);
  const said = /* @__PURE__ */ new Set();
  const problem = (message) => {
    if (said.has(message)) return;
    said.add(message);
    warnings.push({ path: message.split(/[:, ]/)[0], message: `${message} (at ${snap.label})`, incomplete: true });
  };
  for (const [path4, f] of [...files]) {
    if (!f.tables.length && !f.enums.length && !f.structs.structs.length) continue;
    const scope = model.scope(path4);
    const memo = rereadMemo.get(f);
    if (memo && memo.scope === scope && memo.resolved.every(([from, inc, angled, to]) => includeTarget(from, { path: inc, angled }, exists) === to) && memo.read.every(([p, blob]) => snap.files.get(p)?.blob === blob)) {
      memo.problems.forEach(problem);
      files.set(path4, memo.facts);
      continue;
    }
    const resolved = [];
    const read2 = [];
    const problems = [];
    const ctx = {
      macros: scope.macros,
      keep: READ_AS_WRITTEN,
      read: async (p) => {
        const entry = snap.files.get(p);
        read2.push([p, entry?.blob]);
        if (!entry || entry.mode) return null;
        const known = rereadSources.get(entry.blob);
        if (known !== void 0) return known;
        const size = entry.size ?? await snap.size(p);
        if (size !== null && size > MAX_FILE_BYTES) return null;
        const text2 = (await snap.read(p))?.toString("utf8") ?? null;
        if (text2 !== null) rememberSource(entry.blob, text2);
        return text2;
      },
      resolve: (from, p, angled) => {
        const to = includeTarget(from, { path: p, angled }, exists);
        resolved.push([from, p, angled, to]);
        return to;
      },
      problem: (message) => {
        problems.push(message);
        problem(message);
      },
      budget
    };
    const stops = budget.stops;
    const defs = [
      ...f.tables.map((t) => ({
        kind: "table",
        name: t.name,
        line: t.line,
        endLine: t.endLine,
        names: t.names
      })),
      ...f.enums.filter((e) => e.name).map((e) => ({ kind: "enum", name: e.name, line: e.line, endLine: e.endLine, names: e.names })),
      ...f.structs.structs.map((s) => ({
        kind: "struct",
        name: s.name,
        line: s.loc.line,
        endLine: s.lastLine ?? s.endLine,
        names: s.names
      }))
    ].filter((d) => model.live(path4, d.line) && needsReread(f.directives, d, d.names, ctx));
    let next = f;
    for (const d of defs) {
      let again;
      try {
        again = await reread(path4, f.directives, d, ctx);
      } catch (e) {
        if (!(e instanceof BudgetSpent || e instanceof ParseTimeout)) throw e;
        ctx.problem(
          `${path4}:${d.line}: ${d.kind} ${d.name} cannot be read again with its macros expanded: ${e.message}`
        );
        continue;
      }
      if (!again) {
        ctx.problem(`${path4}:${d.line}: ${d.kind} ${d.name} cannot be read again with its macros expanded`);
        continue;
      }
      next = {
        ...next,
        tables: d.kind === "table" ? next.tables.map((t) => t.name === d.name && t.line === d.line ? again.tables[0] : t) : next.tables,
        enums: d.kind === "enum" ? next.enums.map((e) => e.name === d.name && e.line === d.line ? again.enums[0] : e) : next.enums,
        structs: d.kind === "struct" ? {
          ...next.structs,
          structs: next.structs.structs.map(
            (s) => s.name === d.name && s.loc.line === d.line ? again.structs.structs[0] : s
          )
        } : next.structs
      };
    }
    if (budget.stops === stops) rereadMemo.set(f, { scope, resolved, read: read2, problems, facts: next });
    files.set(path4, next);
  }
}
var rereadMemo = /* @__PURE__ */ new WeakMap();
var rereadSources = /* @__PURE__ */ new Map();
var REREAD_SOURCE_CHARS = 8 * 1024 * 1024;
var rereadSourceChars = 0;
function rememberSource(blob, text2) {
  if (text2.length > REREAD_SOURCE_CHARS / 4 || rereadSources.has(blob)) return;
  rereadSources.set(blob, text2);
  rereadSourceChars += text2.length;
  for (const [b, t] of rereadSources) {
    if (rereadSourceChars <= REREAD_SOURCE_CHARS) break;
    rereadSources.delete(b);
    rereadSourceChars -= t.length;
  }
}
var predefinedUnder = /* @__PURE__ */ new WeakMap();
function withPredefined(macros) {
  let m = predefinedUnder.get(macros);
  if (!m) {
    m = {
      get: (n) => macros.get(n) ?? COMMON_PREDEFINED.get(n),
      has: (n) => macros.has(n) || COMMON_PREDEFINED.has(n)
    };
    predefinedUnder.set(macros, m);
  }
  return m;
}
var FileProblems = class extends Set {
  constructor(revision, spentMessage, spent) {
    super();
    this.revision = revision;
    this.spentMessage = spentMessage;
    this.spent = spent;
  }
  revision;
  spentMessage;
  spent;
  add(problem) {
    if (problem === this.spentMessage) this.spent();
    else this.revision.add(problem);
    return this;
  }
};
async function buildSurface(snap, cache = new FactsCache(), opts = {}) {
  await initParser();
  const warnings = [];
  const budget = opts.budget ?? budgetOf(snap);
  const { files, kernels } = await readFiles(snap, cache, warnings, budget);
  await scanPragmaMacroUses(files, (p) => snap.read(p), {
    budget,
    warn: (path4, why) => warnings.push({ path: path4, message: `${path4} at ${snap.label}: ${why}`, incomplete: true })
  });
  const model = buildModel(files, snap.label, warnings, kernels, budget);
  await rereadDefinitions(files, snap, model, warnings, budget);
  const facts = [...files.values()];
  const used = /* @__PURE__ */ new Map();
  const enumerators = /* @__PURE__ */ new Map();
  const problems = /* @__PURE__ */ new Set();
  const symbols = /* @__PURE__ */ new Map();
  const spent = /* @__PURE__ */ new Set();
  const spentIn = (path4) => {
    if (spent.has(path4)) return;
    spent.add(path4);
    warnings.push({
      path: path4,
      message: `${path4} at ${snap.label}: ${describeLimit(budget, "MAX_REVISION_EVAL_STEPS")}, so the rest of its values are not known`,
      incomplete: true
    });
  };
  const symsOf = (path4) => {
    let s = symbols.get(path4);
    if (!s) {
      const scope = model.scope(path4);
      s = {
        macros: withPredefined(scope.macros),
        enumerators,
        problems: new FileProblems(problems, describeLimit(budget, "MAX_REVISION_EVAL_STEPS"), () => spentIn(path4)),
        budget,
        onMacro: (n) => void (scope.ambiguous.has(n) && used.set(n, scope.ambiguous.get(n)))
      };
      symbols.set(path4, s);
    }
    return s;
  };
  const r = { model, symsOf, problems, facts, rev: snap.label, warnings, budget, spentIn };
  for (const f of facts) for (const e of f.enums) resolveEnumValues(r, f, e);
  const header = files.get(PUBLIC_HEADER);
  const eventCodes = resolveEventCodes(r);
  const legacy = hasLegacyProbe(snap.files.keys());
  const publicTree = publicHeader(r, files);
  const enums = resolveEnums(r, publicTree);
  const defines3 = resolveDefines(r, publicTree);
  const api = resolveApi(facts, symsOf, enums, {
    legacy,
    sharedStructs: opts.sharedStructs ?? DEFAULT_SHARED_STRUCTS,
    warnings,
    rev: snap.label,
    model,
    budget,
    enumHolding: (names2) => enumHolding(r, names2)
  });
  const code = resolveCodeRoles(
    record(facts.filter((f) => f.code).map((f) => [f.path, { ...f.code, probe: probeOf(f.path) }])),
    roleContext(api)
  );
  const surface = {
    ...emptySurface(snap.label, snap.commit),
    versions: await readVersions(snap, warnings),
    scapMinimum: { api: minimum(r, "API"), schema: minimum(r, "SCHEMA") },
    eventCodes,
    events: resolveEvents(r, eventCodes),
    enums,
    retiredEnumValues: resolveRetiredEnumValues(r, publicTree),
    ppmSc: resolvePpmSc(r),
    defines: defines3,
    sharedConstants: resolveSharedConstants(facts, new Set(Object.keys(defines3).filter(isWireDefine)), {
      symsOf,
      live: (path4, index) => model.macroPresence(path4, index).maybe !== 0,
      guard: (path4, line) => guardOf(r, path4, line).guard
    }),
    flagTables: resolveFlagTables(r),
    dynamicParams: resolveDynamicParams(r),
    syscalls: resolveSyscalls(r),
    code,
    production: resolveProduction(fillerTable(r), code, legacy),
    ...api,
    kernels: Object.fromEntries(
      Object.entries(kernels).filter(([, k]) => k).map(([v, k]) => [v, describeKernel(k)])
    ),
    warnings
  };
  if (!header) {
    warnings.push({
      path: PUBLIC_HEADER,
      message: `${PUBLIC_HEADER} is missing at ${snap.label}: no enums, event codes or ppm_sc codes`,
      incomplete: true
    });
  }
  for (const [name2, list] of [...used].sort(([a], [b]) => a < b ? -1 : 1)) {
    if (!model.conflicts.some((c) => c.what === `macro ${name2}`))
      model.conflicts.push(describeConflict(`macro ${name2}`, list));
  }
  for (const c of model.conflicts)
    warnings.push({ path: c.alternatives[0].loc.path, message: conflictMessage(c, snap.label), incomplete: true });
  for (const p of problems)
    warnings.push({
      path: snap.label,
      message: `at ${snap.label}: ${p}; the values it gives are unknown`,
      incomplete: true
    });
  surface.conflicts = model.conflicts;
  return surface;
}
async function readVersions(snap, warnings = []) {
  return {
    api: await readVersionFile(snap, VERSION_FILES.api, warnings),
    schema: await readVersionFile(snap, VERSION_FILES.schema, warnings)
  };
}
async function readVersionFile(snap, path4, warnings) {
  const entry = snap.files.get(path4);
  if (!entry) return null;
  const what = entry.mode ? NOT_A_FILE[entry.mode] : void 0;
  if (what) return { path: path4, raw: `(${what})`, version: null };
  const known = versionMemo.get(entry.blob);
  if (known) return { path: path4, ...known };
  const size = entry.size ?? await snap.size(path4);
  if (size !== null && size > MAX_FILE_BYTES) return { path: path4, raw: `(${size} bytes)`, version: null };
  const data = await snap.read(path4);
  if (!data) {
    warnings.push({ path: path4, message: `could not read ${path4} at ${snap.label}`, incomplete: true });
    return null;
  }
  const read2 = versionOf(data);
  if (versionMemo.size >= MEMO_ENTRIES) versionMemo.clear();
  versionMemo.set(entry.blob, read2);
  return { path: path4, ...read2 };
}
var versionMemo = /* @__PURE__ */ new Map();
function versionOf(data) {
  const lf = data.indexOf(10);
  const raw = data.subarray(0, lf < 0 ? data.length : lf).toString("utf8").replaceAll("\r", "").trim();
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(raw);
  return { raw, version: m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` : null };
}
function enumValues(e, syms, live) {
  const values2 = /* @__PURE__ */ new Map();
  let next = 0n;
  e.enumerators.forEach((en, i2) => {
    if (!live(en)) return;
    if (e.opaqueAfter !== null && i2 >= e.opaqueAfter && en.expr === null) next = null;
    const v = en.expr !== null ? evaluate(en.expr, syms) : next;
    if (v !== null && !syms.enumerators.has(en.name)) syms.enumerators.set(en.name, v);
    values2.set(i2, v === null ? null : Number(v));
    next = v === null ? null : v + 1n;
  });
  return values2;
}
function resolveEnumValues(r, f, e) {
  return r.model.live(f.path, e.line) ? enumValues(e, r.symsOf(f.path), (en) => r.model.live(en.path ?? f.path, en.line)) : /* @__PURE__ */ new Map();
}
function guardOf(r, path4, line) {
  const g = r.model.guards(path4, line);
  return g.length ? { guard: g } : {};
}
function constantsOf(r, f, e) {
  const values2 = resolveEnumValues(r, f, e);
  const out2 = record();
  e.enumerators.forEach((en, i2) => {
    if (!values2.has(i2)) return;
    const path4 = en.path ?? f.path;
    out2[en.name] = {
      value: values2.get(i2) ?? null,
      expr: en.expr ?? "(implicit)",
      loc: loc(path4, en.line),
      ...guardOf(r, path4, en.line)
    };
  });
  return out2;
}
function pickEnum(r, names2, files) {
  const candidates = files.flatMap(
    (f) => f.enums.filter((e) => e.name !== null && names2.includes(e.name)).map((e) => ({ value: e, file: f, line: e.line, presence: r.model.presence(f.path, e.line) }))
  );
  return r.model.pick(
    `enum ${names2[0]}`,
    candidates,
    (e) => JSON.stringify(e.enumerators.map((x) => [x.name, x.expr]))
  );
}
function fillerTable(r) {
  const found = findTable(r, "g_ppm_events");
  return found ? {
    path: found.file.path,
    items: liveItems(r, found.file, found.table),
    guard: (line) => guardOf(r, found.file.path, line).guard
  } : null;
}
function enumHolding(r, names2) {
  if (!names2.length) return null;
  for (const f of r.facts) {
    for (const e of f.enums) {
      if (!r.model.live(f.path, e.line)) continue;
      const have = new Set(e.enumerators.map((x) => x.name));
      if (names2.every((n) => have.has(n))) return constantsOf(r, f, e);
    }
  }
  return null;
}
function resolveEventCodes(r) {
  const c = pickEnum(r, EVENT_CODE_ENUMS, r.facts);
  return c ? constantsOf(r, c.file, c.value) : record();
}
function publicHeader(r, files) {
  if (!files.has(PUBLIC_HEADER)) return [];
  return r.model.treeOf(PUBLIC_HEADER).flatMap((p) => p === PUBLIC_HEADER || fileKind(p) === null ? [files.get(p)] : []);
}
function resolveEnums(r, header) {
  const out2 = record();
  const shared = (f, e) => f.path === PUBLIC_HEADER || (r.model.presence(f.path, e.line).maybe & USERSPACE) !== 0;
  const names2 = [
    ...new Set(
      header.flatMap((f) => f.enums.filter((e) => shared(f, e)).map((e) => e.name)).filter((n) => n !== null && !EVENT_CODE_ENUMS.includes(n) && !PPM_SC_ENUMS.includes(n))
    )
  ];
  for (const name2 of names2) {
    const c = pickEnum(r, [name2], header);
    if (c) out2[name2] = constantsOf(r, c.file, c.value);
  }
  return out2;
}
function resolveRetiredEnumValues(r, header) {
  const out2 = record();
  for (const f of header) {
    for (const e of f.enums) {
      if (!e.name || !e.retired.length || !r.model.live(f.path, e.line)) continue;
      out2[e.name] = record(
        e.retired.map((x) => [
          x.name,
          { value: evaluateNumber(x.expr ?? "", r.symsOf(f.path)), expr: x.expr ?? "", loc: loc(f.path, x.line) }
        ])
      );
    }
  }
  return out2;
}
function resolvePpmSc(r) {
  const e = pickEnum(r, PPM_SC_ENUMS, r.facts);
  const compiled = e ? constantsOf(r, e.file, e.value) : record();
  delete compiled.PPM_SC_MAX;
  const candidates = [];
  for (const f of r.facts) {
    const byDefine = /* @__PURE__ */ new Map();
    for (const sc of f.ppmSc) byDefine.set(sc.defineLine, [...byDefine.get(sc.defineLine) ?? [], sc]);
    for (const [line, entries] of byDefine)
      candidates.push({ value: entries, file: f, line, presence: r.model.presence(f.path, line) });
  }
  const chosen = r.model.pick(
    "the PPM_SC_FIELDS X-macro",
    candidates,
    (list) => list.map((sc) => `${sc.symbol}=${sc.expr}${sc.retired ? "?" : ""}`).join(",")
  );
  const out2 = record();
  for (const sc of chosen?.value ?? []) {
    const asCompiled = sc.retired ? void 0 : compiled[sc.symbol];
    const value = asCompiled && asCompiled.value !== null ? asCompiled.value : evaluateNumber(sc.expr, r.symsOf(chosen.file.path));
    out2[sc.symbol] = { value, loc: loc(chosen.file.path, sc.line), ...sc.retired ? { retired: true } : {} };
  }
  for (const [name2, c] of Object.entries(compiled)) if (!(name2 in out2)) out2[name2] = { value: c.value, loc: c.loc };
  return out2;
}
function resolveDefines(r, header) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const f of header) {
    f.macros.forEach((m, i2) => {
      if (m.params !== null || !m.name.startsWith("PPM_") || m.body === "") return;
      const presence = r.model.macroPresence(f.path, i2);
      if (!presence.maybe || f.path !== PUBLIC_HEADER && !(presence.maybe & USERSPACE)) return;
      const value = evaluateNumber(m.body, r.symsOf(f.path));
      if (value === null) return;
      const c = {
        value: { value, expr: m.body, loc: loc(f.path, m.line), ...guardOf(r, f.path, m.line) },
        file: f,
        line: m.line,
        presence
      };
      byName2.set(m.name, [...byName2.get(m.name) ?? [], c]);
    });
  }
  const out2 = record();
  for (const [name2, list] of byName2) {
    const c = r.model.pick(`macro ${name2}`, list, (x) => String(x.value));
    if (c) out2[name2] = c.value;
  }
  return out2;
}
function minimum(r, which) {
  for (const name2 of [`SCAP_MINIMUM_DRIVER_${which}_VERSION`, `SCAP_MINIMUM_PROBE_${which}_VERSION`]) {
    const candidates = r.facts.flatMap(
      (f) => f.macros.flatMap(
        (m2, i2) => m2.name === name2 ? [{ value: m2, file: f, line: m2.line, presence: r.model.macroPresence(f.path, i2) }] : []
      )
    );
    const c = r.model.pick(`macro ${name2}`, candidates, (m2) => m2.body);
    if (!c) continue;
    const m = c.value;
    const args2 = /^\(?\s*PPM_API_VERSION\s*\(([^)]*)\)\s*\)?$/.exec(m.body)?.[1]?.split(",");
    const parts2 = args2?.length === 3 ? args2.map((a) => evaluateNumber(a, r.symsOf(c.file.path))) : null;
    const version = parts2?.every((p) => p !== null) ? parts2.join(".") : null;
    return { macro: name2, version, expr: m.body, loc: loc(c.file.path, m.line) };
  }
  return null;
}
function exprOf(init2) {
  return init2 && init2.kind === "expr" ? normExpr(init2.text) : null;
}
var READ_AS_WRITTEN = /* @__PURE__ */ new Set(["DIRFD_PARAM", "FILLER_REF"]);
function slot(r, path4, init2) {
  if (init2?.kind !== "expr") return null;
  const syms = r.symsOf(path4);
  let memo = slotMemo.get(syms.macros);
  if (!memo) slotMemo.set(syms.macros, memo = /* @__PURE__ */ new Map());
  let read2 = memo.get(init2.text);
  if (!read2) {
    const text2 = normExpr(init2.text);
    read2 = { text: text2, used: [] };
    let spent = false;
    if (mentionsMacro(text2, syms.macros, READ_AS_WRITTEN)) {
      const used = read2.used;
      const e = expandMacros(text2, syms.macros, {
        keep: READ_AS_WRITTEN,
        onMacro: (n) => used.push(n),
        budget: r.budget
      });
      if ("text" in e) read2.text = normExpr(e.text);
      else if (e.spent) spent = true;
      else read2.problem = `${text2.slice(0, 60)}: ${e.problem}`;
    }
    if (spent) {
      r.spentIn(path4);
      return read2.text;
    }
    memo.set(init2.text, read2);
  }
  for (const n of read2.used) syms.onMacro?.(n);
  if (read2.problem) r.problems.add(read2.problem);
  return read2.text;
}
var slotMemo = /* @__PURE__ */ new WeakMap();
function stringSlot(r, path4, init2) {
  const text2 = slot(r, path4, init2);
  return text2 === null ? "" : unquote(text2) ?? text2;
}
var NO_INFO = /^(0|NULL|\(void\*\)0|\(\(void\*\)0\))$/;
function toParam(r, init2, path4) {
  if (init2.kind !== "list") return null;
  const [name2, type, format, info2, ninfo] = init2.items.map((i2) => i2.value);
  const infoText = slot(r, path4, info2);
  const ninfoText = exprOf(ninfo);
  return {
    name: stringSlot(r, path4, name2),
    type: slot(r, path4, type) ?? "",
    format: slot(r, path4, format) ?? "",
    // A literal 0 / NULL info slot is the same as leaving it out.
    info: infoText && !NO_INFO.test(infoText) ? infoText : null,
    ninfo: ninfoText && ninfoText !== "0" ? ninfoText : null,
    loc: loc(path4, init2.line)
  };
}
function flagSet(expr) {
  if (!expr) return [];
  let set = flagSets.get(expr);
  if (!set) {
    set = [...new Set(splitOr(expr).filter((s) => s !== "EF_NONE" && s !== "0"))].sort();
    if (flagSets.size >= MEMO_ENTRIES) flagSets.clear();
    flagSets.set(expr, set);
  }
  return [...set];
}
var flagSets = /* @__PURE__ */ new Map();
function findTable(r, name2) {
  const candidates = r.facts.flatMap(
    (f) => f.tables.filter((t) => t.name === name2).map((t) => ({ value: t, file: f, line: t.line, presence: r.model.presence(f.path, t.line) }))
  );
  const c = r.model.pick(
    `table ${name2}`,
    candidates,
    (t) => JSON.stringify(t.items.map((i2) => [i2.designator, i2.value]))
  );
  return c ? { file: c.file, table: c.value } : null;
}
function liveItems(r, file, table) {
  const cuts = cutsOf(file.directives);
  const live = table.items.filter((item) => {
    if (item.path) return r.model.live(item.path, item.line);
    if (cutInside(cuts, item.line, item.endLine)) {
      r.warnings.push({
        path: file.path,
        message: `${file.path} at ${r.rev}: the ${table.name} entry at line ${item.line} has a conditional directive inside it, which driver-semver cannot follow`,
        incomplete: true
      });
      return false;
    }
    return r.model.live(file.path, item.line);
  });
  const element = { kind: "struct", name: table.elementType, tagged: true };
  const shapes = shapesOf(r, file.path);
  const unreadable2 = (item, why) => r.warnings.push({
    path: item.path ?? file.path,
    message: `${item.path ?? file.path} at ${r.rev}: the ${table.name} entry at line ${item.line} cannot be read: ${why}`,
    incomplete: true
  });
  const out2 = [];
  for (const item of live) {
    const steps = item.designator === null ? [] : designatorSteps(item.designator);
    const first = steps[0];
    if (steps.length > 1 && first && "index" in first) {
      let target = out2.length - 1;
      while (target >= 0 && out2[target].designator !== first.index) target--;
      const into = target >= 0 ? out2[target].value : null;
      if (into?.kind !== "list") {
        unreadable2(item, `its designator ${item.designator} names an element driver-semver cannot find`);
        continue;
      }
      const rest = item.designator.slice(first.index.length);
      const laid2 = layOut(
        {
          ...into,
          items: [...into.items, { designator: rest, value: item.value, line: item.line, endLine: item.endLine }]
        },
        element,
        shapes
      );
      if ("problem" in laid2) unreadable2(item, laid2.problem);
      else out2[target] = { ...out2[target], value: laid2.init };
      continue;
    }
    const laid = hasDesignator(item.value) ? layOut(item.value, element, shapes) : { init: item.value };
    if ("problem" in laid) unreadable2(item, laid.problem);
    else out2.push({ ...item, value: laid.init });
  }
  return out2;
}
function cutsOf(d) {
  let cuts = cutLines.get(d);
  if (!cuts) {
    cuts = d.ops.flatMap((o) => o.op === "branch" ? [d.branches[o.branch].line] : o.op === "endif" ? [o.line] : []).sort((a, b) => a - b);
    cutLines.set(d, cuts);
  }
  return cuts;
}
var cutLines = /* @__PURE__ */ new WeakMap();
function cutInside(cuts, from, to) {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (cuts[mid] > from) hi = mid;
    else lo = mid + 1;
  }
  return lo < cuts.length && cuts[lo] <= to;
}
function hasDesignator(init2) {
  const todo = [init2];
  while (todo.length) {
    const i2 = todo.pop();
    if (i2.kind !== "list") continue;
    for (const item of i2.items) {
      if (item.designator !== null) return true;
      todo.push(item.value);
    }
  }
  return false;
}
function shapesOf(r, path4) {
  let memo = shapesMemo.get(r);
  if (!memo)
    shapesMemo.set(
      r,
      memo = {
        structs: r.facts.flatMap((f) => f.structs.structs.filter((s) => r.model.live(f.path, s.loc.line))),
        typedefs: record(r.facts.flatMap((f) => Object.entries(f.structs.typedefs))),
        byPath: /* @__PURE__ */ new Map()
      }
    );
  let shapes = memo.byPath.get(path4);
  if (!shapes) memo.byPath.set(path4, shapes = makeShapes(r, path4, memo.structs, memo.typedefs));
  return shapes;
}
var shapesMemo = /* @__PURE__ */ new WeakMap();
function makeShapes(r, path4, structs, typedefs) {
  const resolve2 = (t, depth = 0) => {
    if (depth > MAX_NESTING) return null;
    if (t.kind === "inline") return t.decl;
    if (t.kind === "struct")
      return structs.find((s) => t.tagged && s.tagged && s.name === t.name || s.aliases.includes(t.name)) ?? null;
    if (t.kind === "name" && Object.hasOwn(typedefs, t.name)) return resolve2(typedefs[t.name], depth + 1);
    return null;
  };
  return {
    members: (t) => resolve2(t)?.fields.map((f) => ({ name: f.name, type: f.type })) ?? (t.kind === "struct" && Object.hasOwn(DECLARED_ELEMENTS, t.name) ? DECLARED_ELEMENTS[t.name] : null),
    index: (expr) => evaluateNumber(expr, r.symsOf(path4))
  };
}
function byKey(r, what, file, entries, same) {
  const groups = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const c = { value: e.value, file, line: e.line, presence: r.model.presence(e.path ?? file.path, e.line) };
    groups.set(e.key, [...groups.get(e.key) ?? [], c]);
  }
  const out2 = /* @__PURE__ */ new Map();
  for (const [key, list] of groups) {
    const c = r.model.pick(`${what} ${key}`, list, same);
    if (c) out2.set(key, c.value);
  }
  return out2;
}
function resolveEvents(r, codes) {
  const found = findTable(r, "g_event_info");
  if (!found) return record();
  const { file, table } = found;
  const byValue = /* @__PURE__ */ new Map();
  for (const [sym, c] of Object.entries(codes)) {
    if (c.value !== null && sym !== "PPM_EVENT_MAX" && !byValue.has(c.value)) byValue.set(c.value, sym);
  }
  const entries = [];
  let index = -1;
  for (const item of liveItems(r, file, table)) {
    const path4 = item.path ?? file.path;
    let symbol = null;
    if (item.designator !== null) {
      if (codes[item.designator]) symbol = item.designator;
      const v = evaluateNumber(item.designator, r.symsOf(path4));
      index = v ?? -1;
      symbol ??= v !== null ? byValue.get(v) ?? null : null;
    } else {
      index++;
      symbol = byValue.get(index) ?? null;
    }
    const entry = item.value;
    if (!symbol) {
      if (byValue.size)
        r.warnings.push({
          path: file.path,
          message: `g_event_info entry at line ${entry.line} has no matching ppm_event_code value (index ${index})`,
          incomplete: true
        });
      continue;
    }
    if (entry.kind !== "list" || hasInitError(entry)) continue;
    const [name2, category, flags2, nparams, params] = entry.items.map((i2) => i2.value);
    const nparamsExpr = nparams ? exprOf(nparams) ?? "" : null;
    const count = nparamsExpr === null ? 0 : evaluateNumber(nparamsExpr, r.symsOf(path4));
    entries.push({
      key: symbol,
      line: item.line,
      path: path4,
      value: {
        symbol,
        name: stringSlot(r, path4, name2),
        category: flagSet(slot(r, path4, category)),
        flags: flagSet(slot(r, path4, flags2)),
        nparams: count,
        ...count === null ? { nparamsExpr } : {},
        params: params?.kind === "list" ? params.items.map((p) => toParam(r, p.value, path4)).filter((p) => p !== null) : [],
        loc: loc(path4, entry.line)
      }
    });
  }
  return record(
    byKey(
      r,
      "g_event_info entry",
      file,
      entries,
      (e) => JSON.stringify({ ...e, loc: null, params: e.params.map((p) => ({ ...p, loc: null })) })
    )
  );
}
var NAME_VALUE_TYPE = "uint32_t";
function resolveFlagTables(r) {
  const out2 = record();
  const names2 = [
    ...new Set(r.facts.flatMap((f) => f.tables.filter((t) => t.elementType === "ppm_name_value").map((t) => t.name)))
  ];
  for (const tableName of names2.sort()) {
    const found = findTable(r, tableName);
    if (!found) continue;
    const { file: f, table: t } = found;
    const byIndex = [];
    let index = -1;
    for (const item of liveItems(r, f, t)) {
      index = item.designator !== null ? evaluateNumber(item.designator, r.symsOf(item.path ?? f.path)) ?? -1 : index + 1;
      if (index < 0) {
        r.warnings.push({
          path: f.path,
          message: `${f.path} at ${r.rev}: the ${t.name} entry at line ${item.line} has an index driver-semver cannot compute`,
          incomplete: true
        });
        continue;
      }
      byIndex[index] = item;
    }
    const entries = [];
    for (const item of byIndex) {
      const [name2, value] = item?.value.kind === "list" ? item.value.items.map((i2) => i2.value) : [];
      const nameText = name2?.kind === "expr" ? unquote(name2.text) : null;
      if (!item || nameText === null) break;
      const expr = exprOf(value) ?? "";
      const path4 = item.path ?? f.path;
      entries.push({
        name: nameText,
        expr,
        value: evaluateAs(expr, r.symsOf(path4), NAME_VALUE_TYPE),
        loc: loc(path4, item.value.line),
        ...guardOf(r, path4, item.line)
      });
    }
    out2[t.name] = { loc: loc(f.path, t.line), entries };
  }
  return out2;
}
function resolveDynamicParams(r) {
  const out2 = record();
  const names2 = [
    ...new Set(
      r.facts.flatMap(
        (f) => f.tables.filter((t) => t.elementType === "ppm_param_info" && t.name !== "g_event_info").map((t) => t.name)
      )
    )
  ];
  for (const tableName of names2.sort()) {
    const found = findTable(r, tableName);
    if (!found) continue;
    const { file: f, table: t } = found;
    const prefix = t.size && /^\w+_MAX$/.test(t.size) ? t.size.slice(0, -"MAX".length) : null;
    const symbolOf = /* @__PURE__ */ new Map();
    if (prefix) {
      for (const [name2, m] of r.model.scope(f.path).macros) {
        const v = name2.startsWith(prefix) && name2 !== t.size ? evaluateNumber(m.body, r.symsOf(f.path)) : null;
        if (v !== null && !symbolOf.has(v)) symbolOf.set(v, name2);
      }
    }
    const entries = [];
    let index = -1;
    for (const item of liveItems(r, f, t)) {
      index = item.designator !== null ? evaluateNumber(item.designator, r.symsOf(item.path ?? f.path)) ?? -1 : index + 1;
      const key = symbolOf.get(index) ?? item.designator ?? String(index);
      const p = toParam(r, item.value, item.path ?? f.path);
      if (p)
        entries.push({
          key,
          line: item.line,
          ...item.path ? { path: item.path } : {},
          value: { ...p, index: index >= 0 ? index : null }
        });
    }
    out2[t.name] = {
      loc: loc(f.path, t.line),
      entries: record(byKey(r, `${t.name} entry`, f, entries, (p) => JSON.stringify({ ...p, loc: null })))
    };
  }
  return out2;
}
function resolveSyscalls(r) {
  const found = findTable(r, "g_syscall_table");
  if (!found) return record();
  const entries = [];
  for (const item of liveItems(r, found.file, found.table)) {
    const nr = item.designator?.replace(/\s*-\s*SYSCALL_TABLE_ID0$/, "").trim();
    if (!nr || item.value.kind !== "list" || hasInitError(item.value)) continue;
    const path4 = item.path ?? found.file.path;
    const [flags2, enter, exit, ppmSc] = item.value.items.map(
      (f) => f.value.kind === "expr" && f.value.implicit ? null : slot(r, path4, f.value)
    );
    const fields = {
      flags: flags2 ?? null,
      enter_event_type: enter ?? null,
      exit_event_type: exit ?? null,
      ppm_sc: ppmSc ?? null
    };
    entries.push({
      key: nr,
      line: item.line,
      ...item.path ? { path: item.path } : {},
      value: {
        flags: flagSet(fields.flags).filter((f) => f !== "UF_NONE"),
        enter: fields.enter_event_type ?? "PPME_GENERIC_E",
        exit: fields.exit_event_type ?? "PPME_GENERIC_X",
        ppmSc: fields.ppm_sc,
        loc: loc(path4, item.value.line),
        ...guardOf(r, path4, item.line)
      }
    });
  }
  return record(
    byKey(r, "g_syscall_table entry", found.file, entries, (e) => JSON.stringify({ ...e, loc: null, guard: null }))
  );
}

// src/config/config.ts
import { existsSync as existsSync3 } from "node:fs";
import path3 from "node:path";

// src/rules/compare.ts
function common2(base, head) {
  return Object.keys(head).filter((k) => Object.hasOwn(base, k)).map((k) => [k, base[k], head[k]]);
}
function added(base, head) {
  return Object.keys(head).filter((k) => !Object.hasOwn(base, k)).map((k) => [k, head[k]]);
}
function removed(base, head) {
  return added(head, base);
}
function setDiff(a, b) {
  const s = new Set(b);
  return a.filter((x) => !s.has(x));
}
function pairName(symbol) {
  return symbol.replace(/_[EX]$/, "");
}
function sentParams(e) {
  return e.nparams !== null && e.nparams < e.params.length ? e.params.slice(0, e.nparams) : e.params;
}
function paramChanges(base, head) {
  const out2 = [];
  const bp = sentParams(base);
  const newMismatch = head.nparams !== null && head.nparams < head.params.length && (base.nparams !== head.nparams || base.params.length !== head.params.length);
  const hp = newMismatch ? head.params : sentParams(head);
  const headNames = hp.map((p) => p.name);
  const n = Math.max(bp.length, hp.length);
  for (let i2 = 0; i2 < n; i2++) {
    const b = bp[i2];
    const h = hp[i2];
    if (!b) out2.push({ kind: "appended", index: i2, head: h });
    else if (!h) out2.push({ kind: "removed", index: i2, base: b });
    else {
      if (b.name !== h.name) {
        const moved = headNames.indexOf(b.name);
        out2.push({ kind: moved >= 0 && moved !== i2 ? "reordered" : "renamed", index: i2, base: b, head: h });
      }
      if (b.type !== h.type) out2.push({ kind: "type", index: i2, base: b, head: h });
      if (b.format !== h.format) out2.push({ kind: "format", index: i2, base: b, head: h });
      if (b.info !== h.info || b.ninfo !== h.ninfo) out2.push({ kind: "info", index: i2, base: b, head: h });
    }
  }
  return out2;
}
var allParamChanges = perPair((base, head) => {
  const result = [];
  for (const [symbol, b, h] of commonEvents(base, head)) {
    for (const change of paramChanges(b, h)) result.push({ symbol, event: h, change });
  }
  return result;
});
function describeParam(p) {
  return `'${p.name}' (${p.type})`;
}
function renumbered(base, head) {
  return common2(base, head).filter(([, b, h]) => b.value !== null && h.value !== null && b.value !== h.value);
}
function perPair(fn) {
  const cache = /* @__PURE__ */ new WeakMap();
  return (base, head) => {
    let inner = cache.get(base);
    if (!inner) cache.set(base, inner = /* @__PURE__ */ new WeakMap());
    if (!inner.has(head)) inner.set(head, fn(base, head));
    return inner.get(head);
  };
}
function perSurface(fn) {
  const cache = /* @__PURE__ */ new WeakMap();
  return (s) => {
    if (!cache.has(s)) cache.set(s, fn(s));
    return cache.get(s);
  };
}
var renamedEventCodes = perPair(
  (base, head) => {
    const codes = (s) => record(Object.entries(s.eventCodes).filter(([sym]) => sym !== "PPM_EVENT_MAX"));
    return renamedPairs(codes(base), codes(head));
  }
);
var commonEvents = perPair((base, head) => {
  const pairs = common2(base.events, head.events);
  for (const r of renamedEventCodes(base, head)) {
    const b = base.events[r.from];
    const h = head.events[r.to];
    if (b && h) pairs.push([r.to, b, h]);
  }
  return pairs;
});
function renamedPairs(base, head) {
  const gone = Object.entries(base).filter(([sym, c]) => !head[sym] && c.value !== null);
  const fresh = Object.entries(head).filter(([sym, c]) => !base[sym] && c.value !== null);
  const pairs = [];
  for (const [from, c] of gone) {
    const i2 = fresh.findIndex(([, h]) => h.value === c.value);
    if (i2 >= 0) pairs.push({ from, to: fresh.splice(i2, 1)[0][0], value: c.value });
  }
  return pairs;
}
function newEventCodes(base, head) {
  const renamed = new Set(renamedEventCodes(base, head).map((r) => r.to));
  return added(base.eventCodes, head.eventCodes).filter(
    ([symbol]) => symbol !== "PPM_EVENT_MAX" && !renamed.has(symbol)
  );
}
var EVENT_TABLE_HEADER = "the rules at the top of driver/event_table.c";

// src/rules/schema/dynamic-param-added.ts
var dynamicParamAdded = {
  id: "dynamic-param-added",
  title: "A dynamic-param table or entry was added",
  governs: "schema",
  bump: "minor",
  rationale: "A new PT_DYN alternative (or table, as for keyctl) is a compatible feature: existing indexes keep their meaning, SCHEMA minor.",
  example: "+ [PPM_KEYCTL_IDX_CHARBUF] = {{0}, PT_CHARBUF, PF_NA, 0, 0},",
  check(base, head) {
    const hits = [];
    for (const [table, t] of added(base.dynamicParams, head.dynamicParams))
      hits.push({ symbol: table, message: `new dynamic-param table ${table}`, location: t.loc });
    for (const [table, b, h] of common2(base.dynamicParams, head.dynamicParams)) {
      for (const [idx, e] of added(b.entries, h.entries))
        hits.push({ symbol: idx, message: `${table} gains ${idx} (${e.type})`, location: e.loc });
    }
    return hits;
  }
};

// src/rules/wire.ts
var INT2 = (size) => ({ size, encoding: `int${size}` });
var VAR = (encoding) => ({ size: null, encoding });
var PARAM_WIRE = record({
  PT_NONE: { size: 0, encoding: "none" },
  PT_INT8: INT2(1),
  PT_UINT8: INT2(1),
  PT_FLAGS8: INT2(1),
  PT_ENUMFLAGS8: INT2(1),
  PT_SIGTYPE: INT2(1),
  PT_L4PROTO: INT2(1),
  PT_SOCKFAMILY: INT2(1),
  PT_INT16: INT2(2),
  PT_UINT16: INT2(2),
  PT_FLAGS16: INT2(2),
  PT_ENUMFLAGS16: INT2(2),
  PT_PORT: INT2(2),
  PT_SYSCALLID: INT2(2),
  PT_INT32: INT2(4),
  PT_UINT32: INT2(4),
  PT_FLAGS32: INT2(4),
  PT_ENUMFLAGS32: INT2(4),
  PT_UID: INT2(4),
  PT_GID: INT2(4),
  PT_MODE: INT2(4),
  PT_SIGSET: INT2(4),
  PT_IPV4ADDR: INT2(4),
  PT_BOOL: INT2(4),
  PT_FD32: INT2(4),
  PT_PID32: INT2(4),
  PT_INT64: INT2(8),
  PT_UINT64: INT2(8),
  PT_ERRNO: INT2(8),
  PT_FD: INT2(8),
  PT_PID: INT2(8),
  PT_RELTIME: INT2(8),
  PT_ABSTIME: INT2(8),
  PT_DOUBLE: { size: 8, encoding: "float8" },
  PT_IPV6ADDR: { size: 16, encoding: "ipv6addr" },
  PT_CHARBUF: VAR("string"),
  PT_FSPATH: VAR("string"),
  PT_FSRELPATH: VAR("string"),
  PT_BYTEBUF: VAR("bytes"),
  PT_SOCKADDR: VAR("sockaddr"),
  PT_SOCKTUPLE: VAR("socktuple"),
  PT_FDLIST: VAR("fdlist"),
  PT_DYN: VAR("dyn"),
  PT_CHARBUFARRAY: VAR("charbufarray"),
  PT_CHARBUF_PAIR_ARRAY: VAR("charbufpairarray"),
  PT_IPV4NET: VAR("ipv4net"),
  PT_IPV6NET: VAR("ipv6net"),
  PT_IPADDR: VAR("ipaddr"),
  PT_IPNET: VAR("ipnet")
});
function sameWire(from, to) {
  const a = PARAM_WIRE[from];
  const b = PARAM_WIRE[to];
  if (!a || !b) return null;
  return a.size === b.size && a.encoding === b.encoding;
}
function describeWire(type) {
  const w = PARAM_WIRE[type];
  if (!w) return "unknown encoding";
  return w.size === null ? `variable-length ${w.encoding}` : `${w.size}-byte ${w.encoding.replace(/\d+$/, "")}`;
}

// src/rules/schema/dynamic-param-changed.ts
var dynamicParamChanged = {
  id: "dynamic-param-changed",
  title: "A dynamic-param table or entry was removed, or an entry changed index or type",
  governs: "schema",
  bump: "major",
  rationale: "A PT_DYN param carries a 1-byte index into these tables on the wire; userspace built against the base decodes the payload with the type its own table gives that index.",
  example: "- [PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_ERRNO, PF_DEC, 0, 0},\n+ [PPM_SOCKOPT_IDX_ERRNO] = {{0}, PT_INT32, PF_DEC, 0, 0},",
  check(base, head) {
    const hits = [];
    for (const [table, t] of removed(base.dynamicParams, head.dynamicParams))
      hits.push({ symbol: table, message: `dynamic-param table ${table} was removed`, location: t.loc });
    for (const [table, b, h] of common2(base.dynamicParams, head.dynamicParams)) {
      for (const [idx, be] of Object.entries(b.entries)) {
        const he = h.entries[idx];
        if (!he) hits.push({ symbol: idx, message: `${table}: ${idx} was removed`, location: h.loc });
        else if (be.index !== null && he.index !== null && be.index !== he.index)
          hits.push({
            symbol: idx,
            message: `${table}: ${idx} moved from ${be.index} to ${he.index}`,
            location: he.loc
          });
        else if (be.type !== he.type && sameWire(be.type, he.type) !== true)
          hits.push({ symbol: idx, message: `${table}: ${idx} type ${be.type} \u2192 ${he.type}`, location: he.loc });
      }
    }
    return hits;
  }
};

// src/rules/schema/wire-enums.ts
var NOT_SCHEMA = /* @__PURE__ */ new Set([
  "sys_exit_extra_code",
  "extra_syscall_codes",
  "extra_event_prog_code",
  "syscall_flags",
  "autofill_paramtype",
  "ppm_driver_event_id"
]);
function schemaEnums(s) {
  return Object.entries(s.enums).filter(([name2]) => !NOT_SCHEMA.has(name2));
}
function isSentinel(name2) {
  return /_MAX$/.test(name2);
}
function retiredNumbers(base, head, name2) {
  return new Map(
    Object.entries({ ...base.retiredEnumValues[name2], ...head.retiredEnumValues[name2] }).map(([sym, c]) => [
      c.value,
      sym
    ])
  );
}

// src/rules/schema/enum-value-added.ts
var enumValueAdded = {
  id: "enum-value-added",
  title: "A new value was added to a schema enum (PT_*, PF_*, EC_*, EF_*, ...)",
  governs: "schema",
  bump: "minor",
  rationale: 'A new param type, category or flag is a compatible feature: existing values keep their meaning. README.VERSION.md: SCHEMA minor "when new features are added but existing features remain compatible".',
  example: "  PT_PID32 = 48,\n+ PT_NEWTYPE = 49,\n- PT_MAX = 49\n+ PT_MAX = 50",
  check(base, head) {
    const hits = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name2, values2] of schemaEnums(head)) {
      const renamed = new Set(renamedPairs(baseEnums[name2] ?? {}, values2).map((p) => p.to));
      const retired = retiredNumbers(base, head, name2);
      for (const [sym, c] of added(baseEnums[name2] ?? {}, values2)) {
        if (renamed.has(sym) || retired.has(c.value)) continue;
        if (!isSentinel(sym))
          hits.push({ symbol: sym, message: `${name2}: new value ${sym} = ${c.value ?? c.expr}`, location: c.loc });
      }
    }
    return hits;
  }
};

// src/rules/schema/enum-value-removed.ts
var enumValueRemoved = {
  id: "enum-value-removed",
  title: "A value was removed from a schema enum",
  governs: "schema",
  bump: "minor",
  rationale: 'Both sides compile their own tables, so a value the drivers stop using breaks no reader, but userspace built against the head can no longer name it: a visible change, SCHEMA minor. libs retires such values as comments ("SUPPORT DROPPED") so the number is never reused; reusing it is enum-value-renumbered (major).',
  example: "- EF_DROP_SIMPLE_CONS = (1 << 10),\n+ // EF_DROP_SIMPLE_CONS = (1 << 10), SUPPORT DROPPED",
  check(base, head) {
    const hits = [];
    const headEnums = record(schemaEnums(head));
    for (const [name2, values2] of schemaEnums(base)) {
      if (!headEnums[name2]) {
        hits.push({
          symbol: name2,
          message: `enum ${name2} was removed`,
          location: Object.values(values2)[0]?.loc ?? null
        });
        continue;
      }
      const renamed = new Set(renamedPairs(values2, headEnums[name2]).map((p) => p.from));
      for (const [sym, c] of removed(values2, headEnums[name2])) {
        if (!isSentinel(sym) && !renamed.has(sym))
          hits.push({ symbol: sym, message: `${name2}: ${sym} (${c.value ?? c.expr}) was removed`, location: c.loc });
      }
    }
    return hits;
  }
};

// src/rules/schema/enum-value-renamed.ts
var enumValueRenamed = {
  id: "enum-value-renamed",
  title: "A schema enum value or an event code was renamed, keeping its number",
  governs: "schema",
  bump: "none",
  kind: "note",
  rationale: "Only the number travels or is compiled into tables; both sides compile their own copy of the header, so a rename at the same value (EF_TMP_CONVERTER_MANAGED \u2192 EF_CONVERTER_MANAGED) changes nothing at runtime. Reported so reviewers see it; code that names the old symbol must be updated.",
  example: "- EF_TMP_CONVERTER_MANAGED = (1 << 12),\n+ EF_CONVERTER_MANAGED = (1 << 12),",
  check(base, head) {
    const hits = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name2, values2] of schemaEnums(head)) {
      const retired = retiredNumbers(base, head, name2);
      for (const p of renamedPairs(baseEnums[name2] ?? {}, values2)) {
        if (!retired.has(p.value))
          hits.push({
            symbol: p.to,
            message: `${name2}: ${p.from} renamed to ${p.to} (value ${p.value})`,
            location: values2[p.to].loc
          });
      }
    }
    for (const p of renamedEventCodes(base, head)) {
      hits.push({
        symbol: p.to,
        message: `ppm_event_code: ${p.from} renamed to ${p.to} (code ${p.value})`,
        location: head.eventCodes[p.to].loc
      });
    }
    return hits;
  }
};

// src/rules/schema/enum-value-renumbered.ts
var enumValueRenumbered = {
  id: "enum-value-renumbered",
  title: "An existing value of a schema enum changed its number (or a removed number was reused)",
  governs: "schema",
  bump: "major",
  rationale: "Enum values are compiled into both sides (param types, categories, flag bits, values carried in payloads): a renumbered value means something else to userspace built against the base.",
  example: "- EF_LARGE_PAYLOAD = (1 << 11),\n+ EF_LARGE_PAYLOAD = (1 << 10),",
  check(base, head) {
    const hits = [];
    const baseEnums = record(schemaEnums(base));
    for (const [name2, values2] of schemaEnums(head)) {
      for (const [sym, b, h] of renumbered(baseEnums[name2] ?? {}, values2)) {
        if (!isSentinel(sym))
          hits.push({ symbol: sym, message: `${name2}: ${sym} changed from ${b.value} to ${h.value}`, location: h.loc });
      }
      const retired = retiredNumbers(base, head, name2);
      for (const [sym, c] of added(baseEnums[name2] ?? {}, values2)) {
        const old = c.value !== null ? retired.get(c.value) : void 0;
        if (old && old !== sym && !isSentinel(sym))
          hits.push({
            symbol: sym,
            message: `${name2}: new ${sym} reuses ${c.value}, the number of retired ${old}`,
            location: c.loc
          });
      }
    }
    return hits;
  }
};

// src/rules/schema/event-category-changed.ts
var eventCategoryChanged = {
  id: "event-category-changed",
  title: "The EC_* category of an existing event changed",
  governs: "schema",
  bump: "minor",
  rationale: "Categories decide how userspace classifies and filters the event (evt.category, syscall vs tracepoint); the wire is unchanged, so the change is compatible but visible: SCHEMA minor.",
  example: "- EC_FILE | EC_SYSCALL,\n+ EC_IO_OTHER | EC_SYSCALL,",
  check(base, head) {
    return commonEvents(base, head).filter(([, b, h]) => !(b.flags.includes("EF_UNUSED") && h.flags.includes("EF_UNUSED"))).filter(([, b, h]) => setDiff(b.category, h.category).length || setDiff(h.category, b.category).length).map(([symbol, b, h]) => ({
      symbol,
      message: `${symbol} category ${b.category.join(" | ")} \u2192 ${h.category.join(" | ")}`,
      location: h.loc
    }));
  }
};

// src/rules/schema/event-flags.ts
function bits2(surface, flags2) {
  const values2 = surface.enums.ppm_event_flags ?? {};
  return new Map(flags2.map((f) => [values2[f]?.value != null ? `bit:${values2[f].value}` : `name:${f}`, f]));
}
var flagDeltas = perPair((base, head) => {
  const out2 = [];
  for (const [symbol, b, h] of commonEvents(base, head)) {
    const bb = bits2(base, b.flags);
    const hb = bits2(head, h.flags);
    const addedFlags = [...hb].filter(([k]) => !bb.has(k)).map(([, n]) => n);
    const removedFlags = [...bb].filter(([k]) => !hb.has(k)).map(([, n]) => n);
    if (addedFlags.length || removedFlags.length)
      out2.push({ symbol, event: h, added: addedFlags, removed: removedFlags });
  }
  return out2;
});
var SPECIAL_FLAGS = ["EF_OLD_VERSION", "EF_LARGE_PAYLOAD"];

// src/rules/schema/event-flag-added.ts
var eventFlagAdded = {
  id: "event-flag-added",
  title: "An EF_* flag was added to an existing event",
  governs: "schema",
  bump: "minor",
  rationale: "Flags drive userspace behaviour (EF_USES_FD makes libsinsp read an fd param, EF_MODIFIES_STATE keeps the event from being dropped): a new flag adds semantics compatibly, SCHEMA minor.",
  example: "- EF_MODIFIES_STATE,\n+ EF_USES_FD | EF_MODIFIES_STATE,",
  check(base, head) {
    return flagDeltas(base, head).flatMap(
      (d) => d.added.filter((f) => !SPECIAL_FLAGS.includes(f)).map((f) => ({ symbol: d.symbol, message: `${d.symbol} gains flag ${f}`, location: d.event.loc }))
    );
  }
};

// src/rules/schema/event-flag-removed.ts
var eventFlagRemoved = {
  id: "event-flag-removed",
  title: "An EF_* flag was removed from an existing event",
  governs: "schema",
  bump: "patch",
  rationale: "Removing a wrong flag (e.g. EF_USES_FD on an event without an fd param) is a fix that breaks no reader: SCHEMA patch, as libs did for FSTAT64_X. EF_LARGE_PAYLOAD has its own rule.",
  example: "- EF_USES_FD | EF_READS_FROM_FD,\n+ EF_READS_FROM_FD,",
  check(base, head) {
    return flagDeltas(base, head).flatMap(
      (d) => d.removed.filter((f) => f !== "EF_LARGE_PAYLOAD").map((f) => ({ symbol: d.symbol, message: `${d.symbol} loses flag ${f}`, location: d.event.loc }))
    );
  }
};

// src/rules/schema/event-large-payload-toggled.ts
var eventLargePayloadToggled = {
  id: "event-large-payload-toggled",
  title: "EF_LARGE_PAYLOAD was added to or removed from an existing event",
  governs: "schema",
  bump: "major",
  rationale: "EF_LARGE_PAYLOAD switches the param-length array after the header from uint16_t to uint32_t (libscap scap_event.c): a reader built against the base mis-parses every param of the event.",
  example: "- EF_NONE,\n+ EF_LARGE_PAYLOAD,",
  check(base, head) {
    return flagDeltas(base, head).filter((d) => d.added.includes("EF_LARGE_PAYLOAD") || d.removed.includes("EF_LARGE_PAYLOAD")).map((d) => ({
      symbol: d.symbol,
      message: `${d.symbol} ${d.added.includes("EF_LARGE_PAYLOAD") ? "gains" : "loses"} EF_LARGE_PAYLOAD: param lengths become ${d.added.includes("EF_LARGE_PAYLOAD") ? "32" : "16"}-bit on the wire`,
      location: d.event.loc
    }));
  }
};

// src/rules/schema/event-name-changed.ts
var eventNameChanged = {
  id: "event-name-changed",
  title: "The name string of an existing event changed",
  governs: "schema",
  bump: "minor",
  rationale: 'Userspace matches events by name (evt.type filters, rules); the event_table.c header requires "All the versions of the same event must have the same name". The wire is unchanged: SCHEMA minor.',
  example: '- [PPME_SYSCALL_OPEN_X] = {"open", ...\n+ [PPME_SYSCALL_OPEN_X] = {"openat", ...',
  check(base, head) {
    return commonEvents(base, head).filter(([, b, h]) => b.name !== h.name).map(([symbol, b, h]) => ({
      symbol,
      message: `${symbol} name '${b.name}' \u2192 '${h.name}'`,
      location: h.loc
    }));
  }
};

// src/rules/schema/event-nparams-mismatch.ts
var eventNparamsMismatch = {
  id: "event-nparams-mismatch",
  title: "An event declares an nparams that disagrees with the params it lists",
  governs: "schema",
  bump: "none",
  kind: "invalid",
  rationale: "The kmod writes g_event_info[].nparams into every event header and libpman fills the modern probe from it; a count that disagrees with the list makes the drivers and userspace read different param layouts. The table is invalid whatever the version says.",
  example: '[PPME_X] = {"x", EC_OTHER | EC_SYSCALL, EF_NONE, 3, {{"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}}}',
  check(base, head) {
    return Object.entries(head.events).filter(([, e]) => e.nparams !== null && e.nparams !== e.params.length).filter(([symbol, e]) => {
      const b = base.events[symbol];
      return !b || b.nparams !== e.nparams || b.params.length !== e.params.length;
    }).map(([symbol, e]) => ({
      symbol,
      message: `${symbol} declares nparams ${e.nparams} but lists ${e.params.length} params`,
      location: e.loc
    }));
  }
};

// src/rules/schema/event-max-not-moved.ts
var eventMaxNotMoved = {
  id: "event-max-not-moved",
  title: "PPM_EVENT_MAX was not moved past the new event codes",
  governs: "schema",
  bump: "none",
  kind: "invalid",
  rationale: "PPM_EVENT_MAX sizes g_event_info and every per-event table of the drivers and libscap, and bounds the codes userspace accepts: a new code at or past it is dropped or read out of bounds. The table is invalid whatever the version says.",
  example: "	PPME_SYSCALL_WRITE_E = 10,\n	PPME_SYSCALL_WRITE_X = 11,\n	PPM_EVENT_MAX = 10   // must be 12",
  check(base, head) {
    const max = head.eventCodes.PPM_EVENT_MAX;
    if (!max || max.value === null) return [];
    const past = newEventCodes(base, head).filter(([, c]) => c.value !== null && c.value >= max.value);
    if (!past.length) return [];
    const highest2 = Math.max(...past.map(([, c]) => c.value));
    return [
      {
        symbol: "PPM_EVENT_MAX",
        message: `PPM_EVENT_MAX is ${max.value} but new ${past.map(([s, c]) => `${s} = ${c.value}`).join(", ")} ${past.length > 1 ? "are" : "is"} not below it: set PPM_EVENT_MAX to ${highest2 + 1}`,
        location: max.loc
      }
    ];
  }
};

// src/rules/schema/event-code-without-entry.ts
var eventCodeWithoutEntry = {
  id: "event-code-without-entry",
  title: "A new event code has no g_event_info entry",
  governs: "schema",
  bump: "none",
  kind: "invalid",
  rationale: "Userspace decodes every event through its g_event_info entry (name, category, flags, params): a code the drivers may send without an entry is an event nobody can read, and the zeroed entry has no params. The table is invalid whatever the version says.",
  example: "+ PPME_SYSCALL_WRITE_E = 10,\n+ PPME_SYSCALL_WRITE_X = 11,\n  // and no [PPME_SYSCALL_WRITE_E] = {...} in g_event_info",
  check(base, head) {
    if (!Object.keys(head.events).length) return [];
    return newEventCodes(base, head).filter(([symbol]) => !head.events[symbol]).map(([symbol, c]) => ({
      symbol,
      message: `new ${symbol} (code ${c.value ?? c.expr}) has no g_event_info entry: add [${symbol}] = {...} to driver/event_table.c`,
      location: c.loc
    }));
  }
};

// src/rules/schema/event-pairing-broken.ts
var eventPairingBroken = {
  id: "event-pairing-broken",
  title: "A new event code breaks the enter/exit pairing",
  governs: "schema",
  bump: "none",
  kind: "invalid",
  rationale: 'Events come in pairs: PPME_X_E at an even code and PPME_X_X right after it, with one name (libsinsp finds the exit of an enter by code + 1, and both by name); an EC_UNKNOWN entry is named "NA" (the event_table.c header). A new code that breaks this is a table libsinsp misreads, whatever the version says.',
  example: "+ PPME_SYSCALL_WRITE_E = 11,   // enter codes are even: 10\n+ PPME_SYSCALL_WRITE_X = 12,",
  check(base, head) {
    const hits = [];
    for (const [symbol, c] of newEventCodes(base, head)) {
      const enter = /_E$/.test(symbol);
      if (!enter && !/_X$/.test(symbol)) {
        hits.push({
          symbol,
          message: `new ${symbol} ends in neither _E nor _X: every event is half of an enter/exit pair`,
          location: c.loc
        });
        continue;
      }
      const other = symbol.replace(/_[EX]$/, enter ? "_X" : "_E");
      const o = head.eventCodes[other];
      if (!o)
        hits.push({ symbol, message: `new ${symbol} has no ${other}: add the pair's other half`, location: c.loc });
      else if (enter && c.value !== null && o.value !== null && (c.value % 2 !== 0 || o.value !== c.value + 1)) {
        hits.push({
          symbol,
          message: `new ${symbol} = ${c.value} and ${other} = ${o.value}: the enter code is even and the exit code follows it`,
          location: c.loc
        });
      }
      const e = head.events[symbol];
      if (e?.category.includes("EC_UNKNOWN") && e.name !== "NA") {
        hits.push({
          symbol,
          message: `new ${symbol} is EC_UNKNOWN but named '${e.name}': such events are named "NA" (${EVENT_TABLE_HEADER})`,
          location: e.loc
        });
      }
      const oe = head.events[other];
      const known = (x) => x && !x.category.includes("EC_UNKNOWN");
      if (enter && known(e) && known(oe) && e.name !== oe.name) {
        hits.push({
          symbol,
          message: `new pair ${symbol} and ${other} are named '${e.name}' and '${oe.name}': both halves carry one name`,
          location: e.loc
        });
      }
    }
    return hits;
  }
};

// src/rules/schema/event-flags-broken.ts
var sent = (flags2, category) => !flags2.includes("EF_OLD_VERSION") && !category.includes("EC_UNKNOWN");
var eventFlagsBroken = {
  id: "event-flags-broken",
  title: "A new g_event_info entry breaks the EF_* rules of the event_table.c header",
  governs: "schema",
  bump: "none",
  kind: "invalid",
  rationale: "The event_table.c header: an event flagged EF_USES_FD must return a file descriptor among its params (libsinsp reads it; with no params it fails at run time), and when an exit event has EF_USES_FD the enter event must have it too, or libsinsp does not manage the descriptor the exit returns. Checked on new events only, as libs applies it: the params rule on exit events, and the pair rule only when both halves are still sent (not EF_OLD_VERSION) and the enter carries params.",
  example: '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD, 0}   // EF_USES_FD with no params',
  check(base, head) {
    const hits = [];
    for (const [symbol] of newEventCodes(base, head)) {
      const e = head.events[symbol];
      if (!e?.flags.includes("EF_USES_FD")) continue;
      if (/_X$/.test(symbol) && (e.nparams === 0 || e.nparams === null && !e.params.length)) {
        hits.push({
          symbol,
          message: `new ${symbol} has EF_USES_FD but no params: libsinsp would fail reading its file descriptor (${EVENT_TABLE_HEADER})`,
          location: e.loc
        });
      }
      const enter = symbol.replace(/_X$/, "_E");
      const en = enter !== symbol ? head.events[enter] : void 0;
      if (en && sent(e.flags, e.category) && sent(en.flags, en.category) && en.params.length > 0 && !en.flags.includes("EF_USES_FD")) {
        hits.push({
          symbol,
          message: `new ${symbol} has EF_USES_FD but ${enter} does not: give the enter event EF_USES_FD too (${EVENT_TABLE_HEADER})`,
          location: e.loc
        });
      }
    }
    return hits;
  }
};

// src/rules/version-pack.ts
var VERSION_BITS = { major: 19, minor: 20, patch: 24 };
function unpackable(head, governs) {
  const v = head.versions[governs];
  if (!v?.version) return [];
  const [major, minor, patch] = v.version.split(".").map(Number);
  const parts2 = [
    ["major", major],
    ["minor", minor],
    ["patch", patch]
  ].filter(([k, n]) => n >= 2 ** VERSION_BITS[k]);
  if (!parts2.length) return [];
  const what = parts2.map(([k, n]) => `${k} ${n} needs more than ${VERSION_BITS[k]} bits (at most ${2 ** VERSION_BITS[k] - 1})`).join("; ");
  return [
    {
      symbol: v.path,
      message: `${v.path} is ${v.version}: PPM_API_VERSION cannot pack it (${what}; driver/ppm_api_version.h)`,
      location: { path: v.path, line: 1 }
    }
  ];
}
function versionUnpackableRule(governs) {
  const file = VERSION_LABEL[governs];
  return {
    id: `${governs}-version-unpackable`,
    title: `${file} has a component PPM_API_VERSION cannot pack`,
    governs,
    bump: "none",
    kind: "invalid",
    rationale: `driver/ppm_api_version.h packs the version into one uint64_t (major ${VERSION_BITS.major} bits, minor ${VERSION_BITS.minor}, patch ${VERSION_BITS.patch}) and masks each component: a larger one becomes another version, and libscap's check compares the wrong numbers.`,
    example: "- 2.4.0\n+ 2.1048576.0   // minor has 20 bits: at most 1048575",
    check: (_base, head) => unpackable(head, governs)
  };
}

// src/rules/schema/schema-version-unpackable.ts
var schemaVersionUnpackable = versionUnpackableRule("schema");

// src/rules/api/api-version-unpackable.ts
var apiVersionUnpackable = versionUnpackableRule("api");

// src/rules/schema/event-old-version-added.ts
var eventOldVersionAdded = {
  id: "event-old-version-added",
  title: "An event was marked EF_OLD_VERSION (the drivers stop sending it)",
  governs: "schema",
  bump: "minor",
  rationale: 'The event_table.c header: "All events that are no more sent by our drivers must have the EF_OLD_VERSION flag." The event stays decodable, but userspace must now rely on its replacement: SCHEMA minor.',
  example: '- [PPME_SYSCALL_OPEN_E] = {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD, ...\n+ [PPME_SYSCALL_OPEN_E] = {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_OLD_VERSION, ...',
  check(base, head) {
    return flagDeltas(base, head).filter((d) => d.added.includes("EF_OLD_VERSION")).map((d) => ({
      symbol: d.symbol,
      message: `${d.symbol} is now EF_OLD_VERSION (no longer sent)`,
      location: d.event.loc
    }));
  }
};

// src/rules/schema/production.ts
var DRIVER_LABEL = {
  kmod: "the kernel module",
  legacy: "the legacy eBPF probe",
  modern: "the modern eBPF probe"
};
var SOURCES = {
  kmod: /^driver\/fillers_table\.c$/,
  legacy: /^driver\/(fillers_table\.c|bpf\/)/,
  modern: /^driver\/modern_bpf\//
};
var comparedDrivers = perPair((base, head) => {
  const unreadable2 = [...base.warnings, ...head.warnings].map((w) => w.path);
  return base.production.drivers.filter(
    (d) => head.production.drivers.includes(d) && !unreadable2.some((p) => SOURCES[d].test(p))
  );
});
function produces(s, symbol, d) {
  return Boolean(Object.hasOwn(s.production.events, symbol) && s.production.events[symbol][d]);
}
function direction(s, symbol) {
  const v = s.eventCodes[symbol]?.value;
  return v !== null && v !== void 0 ? String(v & 1) : symbol.endsWith("_X") ? "1" : "0";
}
function newerVersion(head, symbol, d) {
  const name2 = head.events[symbol]?.name;
  if (!name2) return null;
  const dir = direction(head, symbol);
  for (const [other, e] of Object.entries(head.events)) {
    if (other !== symbol && e.name === name2 && direction(head, other) === dir && produces(head, other, d)) return other;
  }
  return null;
}
function listDrivers(ds) {
  const labels = ds.map((d) => DRIVER_LABEL[d]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}` : labels[0];
}
function producedWith(p, d) {
  if (d === "modern") return `program${p.modern.programs.length > 1 ? "s" : ""} ${p.modern.programs.join(", ")}`;
  return `filler ${p[d].filler}`;
}

// src/rules/schema/event-no-longer-produced.ts
var NOT_SENT = ["EF_OLD_VERSION", "EF_UNUSED"];
var eventNoLongerProduced = {
  id: "event-no-longer-produced",
  title: "A driver stopped producing an event, with no newer version of it in its place",
  governs: "schema",
  bump: "major",
  rationale: "Userspace built against the base parses the events the drivers send; an event a driver stops producing is gone for it, which README.VERSION.md calls incompatible (\"major version: increment when the schema becomes incompatible with previous userspace versions\"); libs declared SCHEMA 4.0.0 when the drivers stopped generating enter events (b43d0f957). Production is read per driver (the event production matrix of `driver-semver surface`: the kmod's fillers_table.c, the legacy probe's filler programs, the modern probe's programs). When a newer version of the event takes its place (an event with the same name and direction that the driver produces at the head: the event_table.c header's new event pair, the old one marked EF_OLD_VERSION) userspace keeps what it needs and event-old-version-added's minor stands. Events the base already marked EF_OLD_VERSION or EF_UNUSED were not promised, and dropping a whole driver is an API change, not one per event.",
  example: "- [PPME_SYSCALL_SETPGID_E] = {FILLER_REF(sys_setpgid_e)},\n  [PPME_SYSCALL_SETPGID_X] = {FILLER_REF(sys_setpgid_x)},",
  check(base, head) {
    const hits = [];
    const drivers = comparedDrivers(base, head);
    for (const symbol of Object.keys(base.production.events)) {
      const event = head.events[symbol];
      const was = base.events[symbol];
      if (!event || !was || was.flags.some((f) => NOT_SENT.includes(f))) continue;
      const stopped = drivers.filter(
        (d) => produces(base, symbol, d) && !produces(head, symbol, d) && !newerVersion(head, symbol, d)
      );
      if (!stopped.length) continue;
      hits.push({
        symbol,
        message: `${symbol} is no longer produced by ${listDrivers(stopped)}, and no newer version of it is (an event named '${event.name}' in the same direction)`,
        location: event.loc
      });
    }
    return hits;
  }
};

// src/rules/schema/event-starts-being-produced.ts
var eventStartsBeingProduced = {
  id: "event-starts-being-produced",
  title: "A driver started producing an existing event",
  governs: "schema",
  bump: "minor",
  rationale: 'A driver that starts sending an event it did not send (the modern probe gaining a program for an existing syscall event, the kmod a filler for it) gives userspace new data without changing what it already gets: README.VERSION.md SCHEMA minor, "new features are added but existing features remain compatible (e.g. new event fields or new events)". Production is read per driver from the event production matrix (`driver-semver surface`). New event codes are event-pair-added; a driver added as a whole is not counted per event.',
  example: '+ SEC("tp_btf/sys_exit")\n+ int BPF_PROG(mknod_x, struct pt_regs *regs, long ret) {\n+ 	... ringbuf__reserve_space(&ringbuf, MKNOD_X_SIZE, PPME_SYSCALL_MKNOD_X) ...',
  check(base, head) {
    const hits = [];
    const drivers = comparedDrivers(base, head);
    for (const [symbol, p] of Object.entries(head.production.events)) {
      if (!Object.hasOwn(base.events, symbol) || !head.events[symbol]) continue;
      const started = drivers.filter((d) => produces(head, symbol, d) && !produces(base, symbol, d));
      if (!started.length) continue;
      const first = started[0];
      hits.push({
        symbol,
        message: `${symbol} is now produced by ${listDrivers(started)} (${started.map((d) => producedWith(p, d)).join("; ")})`,
        location: first === "modern" ? p.modern.loc : p[first].loc
      });
    }
    return hits;
  }
};

// src/rules/schema/event-filler-swapped.ts
var eventFillerSwapped = {
  id: "event-filler-swapped",
  title: "An event is filled by another filler (or other autofill args) in fillers_table.c",
  governs: "schema",
  bump: "patch",
  rationale: `fillers_table.c says which filler computes each event's params for the kmod (and, while it existed, for the legacy probe, which received the table from libscap). Another filler, or other autofill arguments, for an event both revisions produce changes how its params are computed without changing the event's format: at least README.VERSION.md's SCHEMA patch, "bug fixes in filler code" (libs 7733becc9 gave PPME_SYSCALL_GETRLIMIT_X and SETRLIMIT_X fillers of their own). A new or removed entry is event-starts-being-produced or event-no-longer-produced.`,
  example: "- [PPME_SYSCALL_GETRLIMIT_X] = {FILLER_REF(sys_getrlimit_setrlrimit_x)},\n+ [PPME_SYSCALL_GETRLIMIT_X] = {FILLER_REF(sys_getrlimit_x)},",
  check(base, head) {
    const hits = [];
    const drivers = comparedDrivers(base, head).filter((d) => d !== "modern");
    for (const [symbol, p] of Object.entries(head.production.events)) {
      const b = base.production.events[symbol];
      if (!b || !Object.hasOwn(base.production.events, symbol)) continue;
      const swapped = drivers.filter(
        (d) => produces(base, symbol, d) && produces(head, symbol, d) && (b[d].filler !== p[d].filler || b[d].args !== p[d].args)
      );
      if (!swapped.length) continue;
      const [was, now] = [b[swapped[0]], p[swapped[0]]];
      const what = was.filler !== now.filler ? `filler ${was.filler} \u2192 ${now.filler}` : `autofill args '${was.args}' \u2192 '${now.args}'`;
      hits.push({
        symbol,
        message: `${symbol} is filled differently by ${listDrivers(swapped)}: ${what}`,
        location: now.loc
      });
    }
    return hits;
  }
};

// src/rules/schema/event-pair-added.ts
var eventPairAdded = {
  id: "event-pair-added",
  title: "A new event (enter/exit pair) was added to ppm_event_code and g_event_info",
  governs: "schema",
  bump: "minor",
  rationale: 'README.VERSION.md: SCHEMA minor "when new features are added but existing features remain compatible (e.g. new event fields or new events)". Old userspace skips event types it does not know.',
  example: "+ PPME_SYSCALL_KEYCTL_E = 452, PPME_SYSCALL_KEYCTL_X = 453 (and their g_event_info entries)",
  check(base, head) {
    const pairs = /* @__PURE__ */ new Map();
    const renamed = new Set(renamedEventCodes(base, head).map((r) => r.to));
    for (const [symbol] of added(base.eventCodes, head.eventCodes)) {
      if (symbol === "PPM_EVENT_MAX" || renamed.has(symbol)) continue;
      const key = pairName(symbol);
      pairs.set(key, [...pairs.get(key) ?? [], symbol]);
    }
    return [...pairs.values()].map((symbols) => {
      const first = head.eventCodes[symbols[0]];
      const values2 = symbols.map((s) => `${s} = ${head.eventCodes[s].value}`).join(", ");
      return {
        symbol: symbols[0],
        message: `new event ${symbols.length > 1 ? "pair " : ""}${values2}`,
        location: head.events[symbols[0]]?.loc ?? first.loc
      };
    });
  }
};

// src/rules/schema/param-rule.ts
function paramRule(kind2, meta, describe2) {
  return {
    ...meta,
    check(base, head) {
      const hits = [];
      for (const { symbol, event, change } of allParamChanges(base, head)) {
        if (change.kind !== kind2) continue;
        const c = change;
        const message = describe2(symbol, c);
        if (message === null) continue;
        const loc2 = "head" in c && c.head ? c.head.loc : event.loc;
        hits.push({ symbol, message, location: loc2 });
      }
      return hits;
    }
  };
}

// src/rules/schema/event-param-appended.ts
var eventParamAppended = paramRule(
  "appended",
  {
    id: "event-param-appended",
    title: "A parameter was appended to an existing event",
    governs: "schema",
    bump: "minor",
    rationale: 'The event_table.c header: "The only kind of change permitted for pre-existent events is adding parameters." README.VERSION.md names "new event fields" as the SCHEMA minor example; libscap reads min(nparams) so old userspace ignores the tail.',
    example: '  {"res", PT_ERRNO, PF_DEC},\n+ {"filename", PT_FSPATH, PF_NA}},'
  },
  (symbol, c) => `${symbol} gains param ${c.index + 1} ${describeParam(c.head)}`
);

// src/rules/schema/event-param-format-changed.ts
var eventParamFormatChanged = paramRule(
  "format",
  {
    id: "event-param-format-changed",
    title: "The print format (PF_*) of a parameter changed",
    governs: "schema",
    bump: "patch",
    rationale: "PF_* only tells userspace how to render the value; the wire is unchanged. A fix that breaks nothing: SCHEMA patch.",
    example: '- {"mode", PT_UINT32, PF_DEC}\n+ {"mode", PT_UINT32, PF_OCT}'
  },
  (symbol, c) => `${symbol} param ${c.index + 1} '${c.head.name}' print format ${c.base.format} \u2192 ${c.head.format}`
);

// src/rules/schema/event-param-info-changed.ts
var eventParamInfoChanged = paramRule(
  "info",
  {
    id: "event-param-info-changed",
    title: "The info reference of a parameter changed (flag table, DIRFD_PARAM, dynamic table)",
    governs: "schema",
    bump: "patch",
    rationale: "The info slot tells userspace which flag table names the bits or which param holds the dirfd; the wire is unchanged. Fixing such a reference is a SCHEMA patch in libs practice.",
    example: '- {"path", PT_FSRELPATH, PF_NA, DIRFD_PARAM(0)}\n+ {"path", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)}'
  },
  (symbol, c) => {
    const show2 = (info2, ninfo) => (info2 ?? "none") + (ninfo ? `, ${ninfo}` : "");
    return `${symbol} param ${c.index + 1} '${c.head.name}' info ${show2(c.base.info, c.base.ninfo)} \u2192 ${show2(c.head.info, c.head.ninfo)}`;
  }
);

// src/rules/schema/event-param-removed.ts
var eventParamRemoved = paramRule(
  "removed",
  {
    id: "event-param-removed",
    title: "A parameter was removed from an existing event",
    governs: "schema",
    bump: "major",
    rationale: 'The event_table.c header: to modify or remove existing parameters "you must create a new event pair". Userspace built against the base reads a param the driver no longer sends.',
    example: '- {"dev", PT_UINT32, PF_HEX}'
  },
  (symbol, c) => `${symbol} loses param ${c.index + 1} ${describeParam(c.base)}`
);

// src/rules/schema/event-param-renamed.ts
var eventParamRenamed = paramRule(
  "renamed",
  {
    id: "event-param-renamed",
    title: "A parameter of an existing event was renamed",
    governs: "schema",
    bump: "minor",
    rationale: "The wire is unchanged, but userspace looks params up by name (filter fields, evt.arg.<name>): a rename changes what existing consumers see without breaking the decoding.",
    example: '- {"name", PT_FSPATH, PF_NA}\n+ {"path", PT_FSPATH, PF_NA}'
  },
  (symbol, c) => `${symbol} param ${c.index + 1} renamed from '${c.base.name}' to '${c.head.name}'`
);

// src/rules/schema/event-param-reordered.ts
var eventParamReordered = paramRule(
  "reordered",
  {
    id: "event-param-reordered",
    title: "Parameters of an existing event changed position",
    governs: "schema",
    bump: "major",
    rationale: 'Params are positional on the wire; the event_table.c header allows only appending to pre-existent events ("you must create a new event pair").',
    example: '- {{"fd", PT_FD, PF_DEC}, {"name", PT_FSPATH, PF_NA}}\n+ {{"name", PT_FSPATH, PF_NA}, {"fd", PT_FD, PF_DEC}}'
  },
  (symbol, c) => `${symbol} param ${c.index + 1} was ${describeParam(c.base)} and is now ${describeParam(c.head)} (moved)`
);

// src/rules/schema/event-param-type-changed.ts
var eventParamTypeChanged = paramRule(
  "type",
  {
    id: "event-param-type-changed",
    title: "A parameter changed to a type with another wire width or encoding",
    governs: "schema",
    bump: "major",
    rationale: "Userspace built against the base decodes the param with the old width or encoding (e.g. PT_FD is 8 bytes, PT_FD32 is 4). The event_table.c header requires a new event pair for such a change.",
    example: '- {"fd", PT_FD, PF_DEC}\n+ {"fd", PT_FD32, PF_DEC}'
  },
  (symbol, c) => sameWire(c.base.type, c.head.type) === true ? null : `${symbol} param ${c.index + 1} '${c.head.name}' changed from ${c.base.type} (${describeWire(c.base.type)}) to ${c.head.type} (${describeWire(c.head.type)}); to stay compatible, add a new event version instead (see the event_table.c header)`
);

// src/rules/schema/event-param-type-refined.ts
var eventParamTypeRefined = paramRule(
  "type",
  {
    id: "event-param-type-refined",
    title: "A parameter changed to a type with the same wire width and encoding",
    governs: "schema",
    bump: "minor",
    rationale: "The bytes on the wire are unchanged (e.g. PT_INT32 to PT_FLAGS32), so old userspace still decodes them, but new userspace renders or interprets them differently: a compatible feature, SCHEMA minor.",
    example: '- {"flags", PT_INT32, PF_HEX}\n+ {"flags", PT_FLAGS32, PF_HEX, file_flags}'
  },
  (symbol, c) => sameWire(c.base.type, c.head.type) === true ? `${symbol} param ${c.index + 1} '${c.head.name}' refined from ${c.base.type} to ${c.head.type} (both ${describeWire(c.head.type)})` : null
);

// src/rules/schema/event-removed.ts
var eventRemoved = {
  id: "event-removed",
  title: "An event code was removed from ppm_event_code, or its g_event_info entry",
  governs: "schema",
  bump: "major",
  rationale: "Event type numbers are the wire key of every event: userspace built against the base expects them. The event_table.c header asks for EF_OLD_VERSION on events no longer sent, never removal.",
  example: "- PPME_SYSCALL_EXECVE_8_E = 12,",
  check(base, head) {
    const renamed = new Set(renamedEventCodes(base, head).map((r) => r.from));
    const codes = removed(base.eventCodes, head.eventCodes).filter(([symbol]) => symbol !== "PPM_EVENT_MAX" && !renamed.has(symbol)).map(([symbol, c]) => ({ symbol, message: `${symbol} (code ${c.value}) was removed`, location: c.loc }));
    const entries = removed(base.events, head.events).filter(([symbol]) => head.eventCodes[symbol]).map(([symbol, e]) => ({
      symbol,
      message: `the g_event_info entry of ${symbol} was removed (the code remains)`,
      location: e.loc
    }));
    return [...codes, ...entries];
  }
};

// src/rules/schema/event-renumbered.ts
var eventRenumbered = {
  id: "event-renumbered",
  title: "An existing event code changed its number",
  governs: "schema",
  bump: "major",
  rationale: "The event type number is on the wire (ppm_evt_hdr.type): userspace built against the base would decode the event as another one.",
  example: "- PPME_SYSCALL_OPEN_X = 3,\n+ PPME_SYSCALL_OPEN_X = 5,",
  check(base, head) {
    return renumbered(base.eventCodes, head.eventCodes).filter(([symbol]) => symbol !== "PPM_EVENT_MAX").map(([symbol, b, h]) => ({
      symbol,
      message: `${symbol} changed from ${b.value} to ${h.value}`,
      location: h.loc
    }));
  }
};

// src/rules/api/bpf-renames.ts
function sameMap(a, b) {
  return a.probe === b.probe && a.type === b.type && a.keySize === b.keySize && a.valueSize === b.valueSize && a.maxEntriesExpr === b.maxEntriesExpr && a.index === b.index;
}
function sameGlobal(a, b) {
  return a.probe === b.probe && a.section === b.section && a.type === b.type;
}
function pairRenames(base, head, same) {
  const fresh = added(base, head);
  const out2 = [];
  for (const [from, b] of removed(base, head)) {
    const i2 = fresh.findIndex(([, h]) => same(b, h));
    if (i2 >= 0) {
      const [to, h] = fresh.splice(i2, 1)[0];
      out2.push([from, to, h]);
    }
  }
  return out2;
}
var bpfRenames = perPair((base, head) => [
  ...pairRenames(base.bpfMaps, head.bpfMaps, sameMap).map(
    ([from, to, h]) => ({ what: "map", probe: h.probe, from, to, head: h })
  ),
  ...pairRenames(base.bpfGlobals, head.bpfGlobals, sameGlobal).map(
    ([from, to, h]) => ({ what: "global", probe: h.probe, from, to, head: h })
  )
]);
function foundByName(r) {
  return r.probe === "modern" || r.what === "global";
}

// src/rules/api/bpf-map-added.ts
var bpfMapAdded = {
  id: "bpf-map-added",
  title: "A bpf map or a probe global (rodata/data/bss) was added",
  governs: "api",
  bump: "minor",
  rationale: "Userspace (libpman, libscap for the legacy probe) sets up new maps and globals by name; old userspace ignores them. A compatible feature: API minor. A legacy map appended at the end keeps every index.",
  example: '+ struct {\n+   __uint(type, BPF_MAP_TYPE_ARRAY);\n+   __uint(max_entries, 1);\n+   __type(key, uint32_t);\n+   __type(value, struct iter_counters);\n+ } iter_counters_map __weak SEC(".maps");',
  check(base, head) {
    const hits = [];
    const renamed = new Set(bpfRenames(base, head).map((r) => `${r.what}\0${r.to}`));
    for (const [name2, m] of added(base.bpfMaps, head.bpfMaps)) {
      if (renamed.has(`map\0${name2}`)) continue;
      hits.push({
        symbol: name2,
        message: `new ${m.probe} probe map ${name2} (${m.type}${m.index !== null ? `, index ${m.index}` : ""})`,
        location: m.loc,
        ...m.probe === "modern" ? { scope: "modern-probe" } : {}
      });
    }
    for (const [name2, g] of added(base.bpfGlobals, head.bpfGlobals)) {
      if (renamed.has(`global\0${name2}`)) continue;
      hits.push({
        symbol: name2,
        message: `new ${g.probe} probe global ${name2} (${g.section}, ${g.type})`,
        location: g.loc,
        ...g.probe === "modern" ? { scope: "modern-probe" } : {}
      });
    }
    return hits;
  }
};

// src/rules/api/bpf-map-changed.ts
var FIELDS = [
  ["type", "type"],
  ["keySize", "key size"],
  ["valueSize", "value size"],
  ["maxEntriesExpr", "max_entries"],
  ["index", "index (declaration order)"]
];
function isSharedStruct(type, structs) {
  const m = type ? /^struct\s+(\w+)$/.exec(type) : null;
  return Boolean(m && structs[m[1]]);
}
var bpfMapChanged = {
  id: "bpf-map-changed",
  title: "A bpf map or probe global was removed, renamed, retyped, resized, or (legacy) reordered",
  governs: "api",
  bump: "major",
  rationale: 'Userspace finds modern-probe maps and globals by skeleton field name and writes values with its own struct sizes; the legacy loader indexes maps by declaration order (enum scap_map_types: "This enum must follow the order in which BPF maps are defined"). Any such change breaks userspace built against the base. max_entries is compared as written: a map sized by a count that grows (PPM_EVENT_MAX, SYS_EXIT_EXTRA_CODE_MAX) follows the change that grew it.',
  example: '  struct bpf_map_def __bpf_section("maps") tail_map = {...};\n- struct bpf_map_def __bpf_section("maps") syscall_table = {...};\n+ struct bpf_map_def __bpf_section("maps") event_info_table = {...};',
  check(base, head) {
    const hits = [];
    const scope = (probe) => probe === "modern" ? { scope: "modern-probe" } : {};
    const renames = new Map(bpfRenames(base, head).map((r) => [`${r.what}\0${r.from}`, r]));
    const gone = (what, name2, probe, loc2) => {
      const r = renames.get(`${what}\0${name2}`);
      if (r && !foundByName(r)) return;
      const message = r ? `${probe} probe ${what} ${name2} was renamed ${r.to}: libpman finds ${what}s by their name (the skeleton's fields), so userspace built against the base no longer finds it` : `${probe} probe ${what} ${name2} was removed`;
      hits.push({ symbol: name2, message, location: r ? r.head.loc : loc2, ...scope(probe) });
    };
    for (const [name2, m] of removed(base.bpfMaps, head.bpfMaps)) gone("map", name2, m.probe, m.loc);
    for (const [name2, b, h] of common2(base.bpfMaps, head.bpfMaps)) {
      const judgedAsStruct = (k) => k === "valueSize" && b.valueType === h.valueType && isSharedStruct(h.valueType, head.structs) || k === "keySize" && b.keyType === h.keyType && isSharedStruct(h.keyType, head.structs);
      const diffs = FIELDS.filter(([k]) => b[k] !== null && h[k] !== null && b[k] !== h[k] && !judgedAsStruct(k)).map(
        ([k, label]) => `${label} ${b[k]} \u2192 ${h[k]}`
      );
      if (diffs.length)
        hits.push({
          symbol: name2,
          message: `${h.probe} probe map ${name2}: ${diffs.join(", ")}`,
          location: h.loc,
          ...scope(h.probe)
        });
    }
    for (const [name2, g] of removed(base.bpfGlobals, head.bpfGlobals)) gone("global", name2, g.probe, g.loc);
    for (const [name2, b, h] of common2(base.bpfGlobals, head.bpfGlobals)) {
      if (b.type !== h.type || b.section !== h.section)
        hits.push({
          symbol: name2,
          message: `${h.probe} probe global ${name2}: ${b.section} ${b.type} \u2192 ${h.section} ${h.type}`,
          location: h.loc,
          ...scope(h.probe)
        });
    }
    return hits;
  }
};

// src/rules/api/code-list-appended.ts
var MODERN_PROBE_LISTS = /* @__PURE__ */ new Set(["sys_exit_extra_code"]);
function apiLists(s) {
  return record(Object.entries(s.codeLists).filter(([, l]) => l.governs === "api"));
}
var codeListAppended = {
  id: "code-list-appended",
  title: "An entry was appended to an ordered code list (KMOD_PROGS, sys_exit_extra_code)",
  governs: "api",
  bump: "minor",
  rationale: "These lists are indexes userspace passes to the driver (the ENABLE_TP argument, the extra tail-call slots). Appending keeps every existing index: a compatible feature, API minor.",
  example: '  X(KMOD_PROG_SCHED_PROC_FORK, "sched_process_fork") \\\n+ X(KMOD_PROG_SCHED_PROC_EXEC, "sched_process_exec")',
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(apiLists(base), apiLists(head))) {
      const prefixKept = b.entries.every((e, i2) => h.entries[i2]?.name === e.name);
      if (!prefixKept || h.entries.length <= b.entries.length) continue;
      const added2 = h.entries.slice(b.entries.length);
      hits.push({
        symbol: name2,
        message: `${name2} gains ${added2.map((e, i2) => `${e.name} (index ${b.entries.length + i2})`).join(", ")}`,
        location: added2[0].loc,
        ...MODERN_PROBE_LISTS.has(name2) ? { scope: "modern-probe" } : {}
      });
    }
    return hits;
  }
};

// src/rules/api/code-list-changed.ts
var codeListChanged = {
  id: "code-list-changed",
  title: "An ordered code list lost an entry or changed order",
  governs: "api",
  bump: "major",
  rationale: "Positions in KMOD_PROGS (the ENABLE_TP/DISABLE_TP argument) and sys_exit_extra_code (the extra tail-call slots libpman fills) are numbers userspace and the driver exchange; removing or reordering an entry gives an existing number another meaning.",
  example: '- X(KMOD_PROG_SYS_ENTER, "sys_enter") \\\n  X(KMOD_PROG_SYS_EXIT, "sys_exit") \\',
  check(base, head) {
    const hits = [];
    const scope = (name2) => MODERN_PROBE_LISTS.has(name2) ? { scope: "modern-probe" } : {};
    for (const [name2, l] of removed(apiLists(base), apiLists(head)))
      hits.push({ symbol: name2, message: `${name2} is gone`, location: l.loc, ...scope(name2) });
    for (const [name2, b, h] of common2(apiLists(base), apiLists(head))) {
      const moved = b.entries.map((e, i2) => ({ name: e.name, from: i2, to: h.entries.findIndex((x) => x.name === e.name) })).filter((x) => x.from !== x.to);
      if (!moved.length) continue;
      const words = moved.slice(0, 6).map((x) => x.to < 0 ? `${x.name} (index ${x.from}) removed` : `${x.name} index ${x.from} \u2192 ${x.to}`);
      hits.push({
        symbol: name2,
        message: `${name2}: ${words.join(", ")}${moved.length > 6 ? `, and ${moved.length - 6} more` : ""}`,
        location: h.loc,
        ...scope(name2)
      });
    }
    return hits;
  }
};

// src/rules/api/ioctl-added.ts
var ioctlAdded = {
  id: "ioctl-added",
  title: "A new PPM_IOCTL_* number was added",
  governs: "api",
  bump: "minor",
  rationale: "A new ioctl is a new feature: old userspace never calls it, new userspace must know whether the driver has it. README.VERSION.md: API minor.",
  example: "+ #define PPM_IOCTL_ENABLE_DROPFAILED _IO(PPM_IOCTL_MAGIC, 33)",
  check(base, head) {
    return added(base.ioctls, head.ioctls).filter(([name2, io]) => !taken(base, io.number, name2)).map(([name2, io]) => ({ symbol: name2, message: `new ${name2} = ${io.expr} (nr ${io.nr})`, location: io.loc }));
  }
};
function taken(base, n, name2) {
  if (n === null) return null;
  for (const [other, io] of [...Object.entries(base.ioctls), ...Object.entries(base.retiredIoctls)]) {
    if (other !== name2 && io.number === n) return other;
  }
  return null;
}

// src/rules/api/ioctl-removed.ts
var ioctlRemoved = {
  id: "ioctl-removed",
  title: "A PPM_IOCTL_* number was removed",
  governs: "api",
  bump: "major",
  rationale: 'Userspace built against the base still issues the ioctl and now gets -ENOTTY: the API became incompatible with previous userspace, API major. libs keeps the number as a comment ("Support dropped") so it is never reused.',
  example: "- #define PPM_IOCTL_SET_TRACERS_CAPTURE _IO(PPM_IOCTL_MAGIC, 17)\n+ // #define PPM_IOCTL_SET_TRACERS_CAPTURE _IO(PPM_IOCTL_MAGIC, 17) Support dropped",
  check(base, head) {
    return removed(base.ioctls, head.ioctls).map(([name2, io]) => ({
      symbol: name2,
      message: `${name2} (nr ${io.nr}) was removed${head.retiredIoctls[name2] ? " (kept as a comment: the number stays reserved)" : ""}`,
      location: head.retiredIoctls[name2]?.loc ?? io.loc
    }));
  }
};

// src/rules/api/ioctl-renumbered.ts
function nextFreeNr(base, head) {
  const nrs = [base.ioctls, base.retiredIoctls, head.ioctls, head.retiredIoctls].flatMap((r) => Object.values(r).map((io) => io.nr)).filter((n) => n !== null);
  return nrs.length ? Math.max(...nrs) + 1 : null;
}
var ioctlRenumbered = {
  id: "ioctl-renumbered",
  title: "An ioctl changed its number, or a new one reuses a number in use or retired",
  governs: "api",
  bump: "major",
  rationale: "The ioctl number is the whole contract (libs uses _IO only, so neither size nor direction is checked): a renumbered or reused number makes the driver do something else for userspace built against the base.",
  example: "// #define PPM_IOCTL_ENABLE_CAPTURE _IO(PPM_IOCTL_MAGIC, 1) Support dropped\n+ #define PPM_IOCTL_NEW_THING _IO(PPM_IOCTL_MAGIC, 1)",
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(base.ioctls, head.ioctls)) {
      if (b.number !== null && h.number !== null && b.number !== h.number)
        hits.push({ symbol: name2, message: `${name2} changed from ${b.expr} to ${h.expr}`, location: h.loc });
    }
    for (const [name2, io] of added(base.ioctls, head.ioctls)) {
      const owner = taken(base, io.number, name2);
      if (owner) {
        const free = nextFreeNr(base, head);
        hits.push({
          symbol: name2,
          message: `new ${name2} reuses nr ${io.nr}, the number of ${base.retiredIoctls[owner] ? "retired " : ""}${owner}${free !== null ? `: use the next free number, ${free}` : ""}`,
          location: io.loc
        });
      }
    }
    return hits;
  }
};

// src/rules/api/module-param-added.ts
var moduleParamAdded = {
  id: "module-param-added",
  title: "A kernel module parameter was added",
  governs: "api",
  bump: "minor",
  rationale: "Userspace reads and writes module parameters under /sys/module/<name>/parameters/; a new one is a compatible feature, API minor.",
  example: "+ module_param(max_consumers, uint, 0444);",
  check(base, head) {
    return added(base.moduleParams, head.moduleParams).map(([name2, p]) => ({
      symbol: name2,
      message: `new module parameter ${name2} (${p.type}, ${p.perm})`,
      location: p.loc
    }));
  }
};

// src/rules/api/module-param-changed.ts
var moduleParamChanged = {
  id: "module-param-changed",
  title: "A kernel module parameter was removed, renamed, retyped, or its permission or get/set operations changed",
  governs: "api",
  bump: "major",
  rationale: "libscap writes g_buffer_bytes_dim and reads max_consumers through /sys/module/<name>/parameters/ (scap_kmod.c): a missing, retyped or no longer writable parameter breaks userspace built against the base. Permissions are compared as bits (`S_IRUGO` is `0444`); a parameter whose kernel_param_ops lose `.set` (or `.get`) can no longer be written (or read), whatever its permission says.",
  example: "- module_param(max_consumers, uint, 0444);",
  check(base, head) {
    const hits = [];
    for (const [name2, p] of removed(base.moduleParams, head.moduleParams))
      hits.push({ symbol: name2, message: `module parameter ${name2} was removed`, location: p.loc });
    for (const [name2, b, h] of common2(base.moduleParams, head.moduleParams)) {
      if (describe(b) !== describe(h))
        hits.push({
          symbol: name2,
          message: `module parameter ${name2}: ${describe(b)} \u2192 ${describe(h)}`,
          location: h.loc
        });
    }
    return hits;
  }
};
function describe(p) {
  return `${p.type} ${p.perm}${p.lacks?.length ? ` without ${p.lacks.map((o) => `.${o}`).join(" and ")}` : ""}`;
}

// src/rules/api/shared-constants.ts
var constantChanges = perPair((base, head) => {
  const b = base.sharedConstants;
  const h = head.sharedConstants;
  const renames = renamedPairs(b, h);
  const renamedFrom = new Map(renames.map((r) => [r.from, r.to]));
  const renamedTo = new Set(renames.map((r) => r.to));
  const out2 = [];
  for (const [name2, c] of Object.entries(b)) {
    const now = Object.hasOwn(h, name2) ? h[name2] : null;
    if (now && now.value !== c.value) out2.push({ name: name2, kind: "changed", base: c, head: now });
    else if (!now && renamedFrom.has(name2))
      out2.push({ name: name2, kind: "renamed", base: c, head: h[renamedFrom.get(name2)], to: renamedFrom.get(name2) });
    else if (!now) out2.push({ name: name2, kind: "removed", base: c, head: null });
  }
  for (const [name2, c] of Object.entries(h))
    if (!Object.hasOwn(b, name2) && !renamedTo.has(name2)) out2.push({ name: name2, kind: "added", base: null, head: c });
  return out2;
});
function breakingChanges(base, head, governs) {
  return constantChanges(base, head).filter(
    (c) => (c.kind === "changed" || c.kind === "removed") && USERSPACE_CONSTANTS[c.name]?.governs === governs
  );
}
function describeBreaking(c) {
  const used = USERSPACE_CONSTANTS[c.name].usedBy;
  const what = c.kind === "removed" ? `${c.name} (${c.base.value}) was removed from ${c.base.loc.path}` : `${c.name} changed from ${c.base.value} to ${c.head.value}`;
  return `${what}; ${used}`;
}

// src/rules/api/shared-constant-added.ts
var sharedConstantAdded = {
  id: "shared-constant-added",
  title: "A constant userspace uses was added to the shared headers",
  governs: "api",
  bump: "minor",
  rationale: `A constant the shared headers gain (ppm_events_public.h, ppm_ringbuffer.h, capture_macro.h, the probes' shared definitions: the headers libscap and libpman compile) is part of what the two sides can now agree on, as MAX_ITER_EVENT_SIZE was for BPF iterators (30a8910c1); userspace built against the base simply does not use it. README.VERSION.md API minor, "new features are added but existing features remain compatible". Counted when userspace uses the constant (USERSPACE_CONSTANTS in surface/shared-constants.ts, found by searching libscap and libpman) or the header exists only to be shared (ppm_ringbuffer.h, the modern probe's shared_definitions); the other shared headers also hold driver-internal values (capture_macro.h's snaplen heuristics, compat defines) that userspace never reads. Flag values that travel in payloads are flag-value-added.`,
  example: "+ #define MAX_ITER_EVENT_SIZE 64 * 1024",
  check(base, head) {
    return constantChanges(base, head).filter((c) => c.kind === "added" && sharedWithUserspace(c.name, c.head)).map((c) => ({
      symbol: c.name,
      message: `new shared constant ${c.name} = ${c.head.expr} (${c.head.value}) in ${c.head.loc.path}`,
      location: c.head.loc
    }));
  }
};

// src/rules/api/shared-constant-changed.ts
var sharedConstantChanged = {
  id: "shared-constant-changed",
  title: "A constant userspace uses from the shared headers changed value or was removed",
  governs: "api",
  bump: "major",
  rationale: `libscap and libpman compile the driver's shared headers (ppm_events_public.h, ppm_ringbuffer.h, capture_macro.h, the modern probe's struct_definitions.h, the legacy probe's types.h) and size or set up what they exchange with the driver from their constants: SYSCALL_TABLE_SIZE sizes the syscall tables and masks, SNAPLEN_MAX bounds the snaplen the legacy engine sets, MAX_ITER_EVENT_SIZE the buffer libpman reads iterator events into. Userspace built against the base keeps the old value: README.VERSION.md API major, "the driver API becomes incompatible with previous userspace versions". Which constants userspace uses was found by searching libscap and libpman (USERSPACE_CONSTANTS in surface/shared-constants.ts, each with where); a constant renamed at its value is shared-constant-renamed.`,
  example: "- #define SYSCALL_TABLE_SIZE 512\n+ #define SYSCALL_TABLE_SIZE 1024",
  check(base, head) {
    return breakingChanges(base, head, "api").map((c) => ({
      symbol: c.name,
      message: describeBreaking(c),
      location: (c.head ?? c.base).loc
    }));
  }
};

// src/rules/api/structs.ts
function sameType(a, b) {
  return canonicalType(a.type) === canonicalType(b.type);
}
function sameSlot(a, b) {
  return sameType(a, b) && a.offset === b.offset && a.size === b.size;
}
function sameField(a, b) {
  return a.name === b.name && sameSlot(a, b);
}
function show(f) {
  return `${f.name} (${f.type}, offset ${f.offset}, size ${f.size})`;
}
function renamedFields(base, head) {
  const headNames = new Set(head.fields.map((f) => f.name));
  const baseNames = new Set(base.fields.map((f) => f.name));
  const fresh = head.fields.filter((f) => !baseNames.has(f.name) && f.offset >= 0);
  const out2 = [];
  for (const b of base.fields) {
    if (headNames.has(b.name) || b.offset < 0) continue;
    const i2 = fresh.findIndex((h) => sameSlot(b, h));
    if (i2 >= 0) out2.push({ from: b, to: fresh.splice(i2, 1)[0] });
  }
  return out2;
}
function underBaseNames(base, head) {
  const renamed = new Map(renamedFields(base, head).map((r) => [r.to.name, r.from.name]));
  return head.fields.map((f) => renamed.has(f.name) ? { ...f, name: renamed.get(f.name) } : f);
}
function appendedFields(base, head) {
  if (base.unresolved?.length || head.unresolved?.length) return null;
  if (head.fields.length <= base.fields.length) return null;
  const fields = underBaseNames(base, head);
  if (!base.fields.every((f, i2) => sameField(f, fields[i2]))) return null;
  return head.fields.slice(base.fields.length);
}
function layoutDifferences(base, head) {
  if (base.unresolved?.length || head.unresolved?.length) return [];
  if (appendedFields(base, head)) return [];
  const out2 = [];
  const fields = underBaseNames(base, head);
  const headByName = new Map(fields.map((f) => [f.name, f]));
  const baseByName = new Map(base.fields.map((f) => [f.name, f]));
  for (const b of base.fields) {
    const h = headByName.get(b.name);
    if (!h) out2.push(`${b.name} removed (was offset ${b.offset}, size ${b.size})`);
    else if (!sameType(h, b) || h.size !== b.size)
      out2.push(
        `${b.name} changed from ${b.type} (size ${b.size}) to ${h.type} (size ${h.size}), offset ${b.offset} \u2192 ${h.offset}`
      );
    else if (h.offset !== b.offset) out2.push(`${b.name} moved from offset ${b.offset} to ${h.offset}`);
  }
  fields.forEach((h, i2) => {
    if (!baseByName.has(h.name))
      out2.push(
        `${h.name} inserted at offset ${h.offset}${i2 < base.fields.length ? " (not at the end: append it after the last field instead)" : ""}`
      );
  });
  if (!out2.length && (head.size !== base.size || head.align !== base.align)) {
    out2.push(`size ${base.size} \u2192 ${head.size}, alignment ${base.align} \u2192 ${head.align}`);
  }
  return out2;
}
function firstChangedField(base, head) {
  return head.fields.find((h, i2) => !base.fields[i2] || !sameField(base.fields[i2], h)) ?? null;
}

// src/rules/api/struct-field-appended.ts
var structFieldAppended = {
  id: "struct-field-appended",
  title: "A field was appended at the end of a struct shared with userspace",
  governs: "api",
  bump: "minor",
  rationale: 'Every existing field keeps its offset, so userspace built against the base still reads what it knows; the struct grows, which the mmapped ring-buffer info page and the bpf maps absorb. README.VERSION.md: API minor "when new features are added but existing features remain compatible".',
  example: "struct counter_map {\n  uint64_t n_evts;\n  uint64_t n_drops_buffer;\n+ uint64_t n_drops_max_event_size;\n};",
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(base.structs, head.structs)) {
      const added2 = appendedFields(b, h);
      if (!added2) continue;
      hits.push({
        symbol: name2,
        message: `struct ${name2} gains ${added2.map(show).join(", ")} at the end (size ${b.size} \u2192 ${h.size})`,
        location: { path: h.loc.path, line: added2[0].line },
        ...MODERN_PROBE_STRUCTS.has(name2) ? { scope: "modern-probe" } : {}
      });
    }
    return hits;
  }
};

// src/rules/api/struct-layout-changed.ts
var structLayoutChanged = {
  id: "struct-layout-changed",
  title: "A struct shared with userspace changed layout (field inserted, removed, moved, retyped or resized)",
  governs: "api",
  bump: "major",
  rationale: 'Userspace reads these structs by offset (the mmapped ppm_ring_buffer_info, bpf map values, ioctl buffers): any field that moves, shrinks or disappears is read wrong by userspace built against the base. README.VERSION.md: API major "when the driver API becomes incompatible with previous userspace versions".',
  example: "struct ppm_ring_buffer_info {\n  volatile uint64_t n_evts;\n- volatile uint64_t n_drops_buffer_clone_fork_enter;\n  volatile uint64_t n_drops_pf;\n};",
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(base.structs, head.structs)) {
      const diffs = layoutDifferences(b, h);
      if (!diffs.length) continue;
      const shown2 = diffs.slice(0, 6).join("; ") + (diffs.length > 6 ? `; and ${diffs.length - 6} more` : "");
      hits.push({
        symbol: name2,
        message: `struct ${name2} layout changed (size ${b.size} \u2192 ${h.size}): ${shown2}`,
        // At the changed field, not the struct's first line.
        location: (() => {
          const f = firstChangedField(b, h);
          return f ? { path: h.loc.path, line: f.line } : h.loc;
        })(),
        ...MODERN_PROBE_STRUCTS.has(name2) ? { scope: "modern-probe" } : {}
      });
    }
    return hits;
  }
};

// src/rules/api/struct-removed.ts
var structRemoved = {
  id: "struct-removed",
  title: "A struct shared with userspace was removed",
  governs: "api",
  bump: "major",
  rationale: "Userspace built against the base still exchanges this struct with the driver; without it the interface is gone (for the legacy-probe table structs this happens when the legacy probe is dropped).",
  example: "- struct scap_bpf_settings { ... };",
  check(base, head) {
    return removed(base.structs, head.structs).map(([name2, s]) => ({
      symbol: name2,
      message: `struct ${name2} (size ${s.size}) is gone`,
      location: s.loc,
      ...MODERN_PROBE_STRUCTS.has(name2) ? { scope: "modern-probe" } : {}
    }));
  }
};

// src/rules/api/struct-layout-differs-between-builds.ts
function variants(l) {
  return JSON.stringify(
    (l?.byBuild ?? []).map((v) => [v.builds, v.size, v.fields.map((f) => [f.name, f.offset, f.size])])
  );
}
var structLayoutDiffersBetweenBuilds = {
  id: "struct-layout-differs-between-builds",
  title: "A struct shared with userspace is laid out differently by the builds that share it",
  governs: "api",
  bump: "none",
  kind: "invalid",
  rationale: "The kernel module writes ppm_ring_buffer_info and the event header that libscap reads; the probes fill maps that libscap and libpman read; each side compiles the shared headers itself. A struct whose fields or offsets differ between the kernel and the userspace build, or between the architectures libs builds (x86_64, aarch64, s390x, ppc64le, riscv64, loongarch64), or that depends on a build option driver-semver cannot know, is read wrong by one side whatever the version says: the head is invalid until the layouts agree.",
  example: "struct ppm_ring_buffer_info {\n	volatile uint64_t n_evts;\n+#ifdef __KERNEL__\n+	volatile uint64_t n_kernel_only;\n+#endif\n	volatile uint64_t n_drops_buffer;\n};",
  check(base, head) {
    return Object.entries(head.structs).filter(([name2, h]) => h.byBuild && variants(h) !== variants(base.structs[name2])).map(([name2, h]) => ({
      symbol: name2,
      message: `struct ${name2} is laid out differently by the builds that share it: ${h.byBuild.map((v) => `${v.builds}: size ${v.size}, fields ${v.fields.map((f) => `${f.name}@${f.offset}`).join(", ")}`).join("; ")}`,
      location: h.loc,
      ...MODERN_PROBE_STRUCTS.has(name2) ? { scope: "modern-probe" } : {}
    }));
  }
};

// src/rules/api/interface-rules.ts
var API_INTERFACE_RULES = [
  structFieldAppended,
  structLayoutChanged,
  structRemoved,
  structLayoutDiffersBetweenBuilds,
  ioctlAdded,
  ioctlRemoved,
  ioctlRenumbered,
  bpfMapAdded,
  bpfMapChanged,
  codeListAppended,
  codeListChanged,
  moduleParamAdded,
  moduleParamChanged,
  sharedConstantChanged,
  sharedConstantAdded
];

// src/rules/schema/code-pairs.ts
function oldestKernels(s, probe) {
  const k = s.kernels ?? {};
  if (probe === "kmod") return k.kmod ?? "";
  if (probe === "legacy") return k.legacy ?? "";
  return probe === "shared" ? `${k.kmod ?? ""}/${k.legacy ?? ""}` : "";
}
function sites(s, unreadable2) {
  const out2 = /* @__PURE__ */ new Map();
  for (const path4 of Object.keys(s.code).sort()) {
    if (unreadable2.has(path4)) continue;
    const file = s.code[path4];
    for (const [name2, fn] of Object.entries(file.functions)) {
      const key = `${file.probe}\0${name2}`;
      const list = out2.get(key);
      if (list) list.push({ path: path4, fn });
      else out2.set(key, [{ path: path4, fn }]);
    }
  }
  return out2;
}
var codePairs = perPair((base, head) => {
  const result = [];
  const unreadable2 = new Set([...base.warnings, ...head.warnings].map((w) => w.path));
  const b = sites(base, unreadable2);
  const h = sites(head, unreadable2);
  for (const key of /* @__PURE__ */ new Set([...b.keys(), ...h.keys()])) {
    const [probe, name2] = key.split("\0");
    const oldestMoved = oldestKernels(base, probe) !== oldestKernels(head, probe);
    const bs = [...b.get(key) ?? []];
    const hs = [...h.get(key) ?? []];
    for (let i2 = 0; i2 < hs.length; i2++) {
      const j = bs.findIndex((s) => s.path === hs[i2].path);
      if (j < 0) continue;
      result.push({ probe, name: name2, base: bs[j], head: hs[i2], oldestMoved });
      bs.splice(j, 1);
      hs.splice(i2--, 1);
    }
    while (bs.length && hs.length) result.push({ probe, name: name2, base: bs.shift(), head: hs.shift(), oldestMoved });
    for (const s of bs) result.push({ probe, name: name2, base: s, head: null, oldestMoved });
    for (const s of hs) result.push({ probe, name: name2, base: null, head: s, oldestMoved });
  }
  result.sort((x, y) => {
    const a = x.head ?? x.base;
    const c = y.head ?? y.base;
    return a.path < c.path ? -1 : a.path > c.path ? 1 : a.fn.line - c.fn.line || (x.name < y.name ? -1 : 1);
  });
  return result;
});
function codeDelta(base, head, oldestMoved = false) {
  if (base.hash === head.hash) return "none";
  const [b, h] = [compatVariants(base), compatVariants(head)];
  if (b.newest === h.newest) return "compat";
  return !oldestMoved && keepsOldestBuild(b.oldest, h.oldest) ? "compat" : "logic";
}
function where(site) {
  return { path: site.path, line: site.fn.line };
}
function describePair(p) {
  const b = p.base.path;
  const h = p.head.path;
  return `${p.name} (${b === h ? h : `moved from ${b} to ${h}`}, ${PROBE_LABEL[p.probe]})`;
}
function lonePairs(pairs, side) {
  return pairs.filter((p) => side === "head" ? p.base === null : p.head === null);
}

// src/rules/schema/code-changes.ts
function pairRole(p) {
  const roles = [p.base, p.head].filter((s) => s !== null).map((s) => s.fn.role);
  if (roles.some((r) => r === void 0 || r === "filler")) return "filler";
  return ["dispatch", "transport", "statistics"].find((r) => roles.includes(r));
}
var knownCounters = perPair(
  (base, head) => /* @__PURE__ */ new Set([...counterFields(base.structs), ...counterFields(head.structs)])
);
function onlyCountersDiffer(b, h, known) {
  const counters = [...b.counters ?? [], ...h.counters ?? []];
  return counters.length > 0 && counters.every((c) => known.has(c)) && (b.statsFreeHash ?? b.hash) === (h.statsFreeHash ?? h.hash);
}
function onlyTailCallsDiffer(b, h) {
  const glueFree = (f) => f.glueFreeHash ?? f.statsFreeHash ?? f.hash;
  return Boolean(b.glueFreeHash || h.glueFreeHash) && glueFree(b) === glueFree(h);
}
var codeChanges = perPair((base, head) => {
  const known = knownCounters(base, head);
  const out2 = [];
  for (const pair of codePairs(base, head)) {
    const role = pairRole(pair);
    if (pair.base && pair.head) {
      const [b, h] = [pair.base.fn, pair.head.fn];
      if (codeDelta(b, h, pair.oldestMoved) !== "logic") continue;
      if (onlyCountersDiffer(b, h, known)) out2.push({ pair, role: "statistics", kind: "statistics" });
      else if (onlyTailCallsDiffer(b, h)) out2.push({ pair, role: "dispatch", kind: "glue" });
      else if (role !== "filler" && b.headerHash !== h.headerHash)
        out2.push({ pair, role: "filler", kind: "logic", header: true });
      else out2.push({ pair, role, kind: "logic" });
    } else {
      const side = pair.head ?? pair.base;
      if (isKernelSpecific(side.fn)) continue;
      out2.push({ pair, role, kind: pair.head ? "added" : "removed" });
    }
  }
  return out2;
});
var apiInterfaceChanges = perPair(
  (base, head) => API_INTERFACE_RULES.flatMap((r) => r.check(base, head))
);
var changedCounterStructs = perPair((base, head) => {
  const hasCounters = (s) => s.fields.some((f) => isCounterField(f.name));
  const out2 = [];
  for (const [name2, b, h] of common2(base.structs, head.structs)) {
    if ((hasCounters(b) || hasCounters(h)) && (layoutDifferences(b, h).length || appendedFields(b, h))) out2.push(name2);
  }
  for (const [name2, s] of Object.entries(head.structs))
    if (!Object.hasOwn(base.structs, name2) && hasCounters(s)) out2.push(name2);
  for (const [name2, s] of Object.entries(base.structs))
    if (!Object.hasOwn(head.structs, name2) && hasCounters(s)) out2.push(name2);
  return out2;
});
function isStatisticsChange(c) {
  return c.role === "statistics";
}
function isPlumbingChange(c) {
  return c.role === "dispatch" || c.role === "transport";
}
function describeChange(c) {
  const p = c.pair;
  if (c.kind === "added") return `new function ${p.name} in ${p.head.path} (${PROBE_LABEL[p.probe]})`;
  if (c.kind === "removed") return `function ${p.name} was removed from ${p.base.path} (${PROBE_LABEL[p.probe]})`;
  if (c.kind === "glue") return `the tail calls of ${describePair(p)} changed`;
  return `the code of ${describePair(p)} changed`;
}
function changeLocation(c) {
  return where(c.pair.head ?? c.pair.base);
}
function changedCounters(c) {
  return [.../* @__PURE__ */ new Set([...c.pair.base?.fn.counters ?? [], ...c.pair.head?.fn.counters ?? []])].sort();
}

// src/rules/schema/filler-code-changed.ts
var MAX_NAMES = 8;
function names(list) {
  const shown2 = list.slice(0, MAX_NAMES).map((p) => p.name);
  return list.length > MAX_NAMES ? `${shown2.join(", ")} and ${list.length - MAX_NAMES} more` : shown2.join(", ");
}
function addedOrRemoved(lone, side, other) {
  const byPath = /* @__PURE__ */ new Map();
  for (const p of lone) {
    const path4 = p[side].path;
    const list = byPath.get(path4);
    if (list) list.push(p);
    else byPath.set(path4, [p]);
  }
  const hits = [];
  for (const [path4, list] of byPath) {
    const probe = PROBE_LABEL[list[0].probe];
    const wholeFile = !Object.hasOwn(other.code, path4) && list.length > 1;
    if (side === "head") {
      if (wholeFile) {
        hits.push({
          symbol: path4,
          message: `new file ${path4} (${probe}) defines ${list.length} functions: ${names(list)}; new filler or program code changes what the driver sends`,
          location: where(list[0].head)
        });
      } else {
        for (const p of list) {
          hits.push({
            symbol: p.name,
            message: `new function ${p.name} in ${path4} (${probe}); a new filler or helper changes what the driver sends`,
            location: where(p.head)
          });
        }
      }
    } else if (wholeFile) {
      hits.push({
        symbol: path4,
        message: `${path4} (${probe}) is gone with its ${list.length} functions: ${names(list)}`,
        location: where(list[0].base)
      });
    } else {
      for (const p of list) {
        hits.push({
          symbol: p.name,
          message: `function ${p.name} was removed from ${path4} (${probe})`,
          location: where(p.base)
        });
      }
    }
  }
  return hits;
}
var fillerCodeChanged = {
  id: "filler-code-changed",
  title: "The code of a filler, eBPF program or payload helper changed, or one was added or removed",
  governs: "schema",
  bump: "patch",
  rationale: `libs' driver/README.VERSION.md, SCHEMA_VERSION: "patch version: increment when code changes don't break compatibility (e.g. bug fixes in filler code)". Filler code is what computes the params of events: the functions that write a param or start an event (the kmod's f_* fillers over val_to_ring, the legacy probe's FILLER()s, the modern probe's programs for an event) and everything they call that is not plumbing (dispatch-code-changed, transport-code-changed) or statistics (stats-code-changed); roles come from the call graph at each revision. Plumbing that writes the event header differently (ts, tid, len, type, nparams: a field no longer set, or set from another value, the locals it is computed from followed) is filler code too: the header is part of every event. Function bodies of ppm_fillers.c, ppm_events.c, the modern probe's programs and helpers and the legacy probe's fillers are compared as token streams, with the #defines of those files that a function expands folded in (a changed #define is a change of every function that uses it; surface/code-defines.ts) (comments, whitespace and formatting ignored, and build-only edits: storage classes and qualifiers, #pragma hints, debug output compiled out of release builds, declarations hoisted or given a zero nobody reads, unused locals, casts to the type the operand already has, static on the function but not on a local; changes confined to kernel-compatibility code the oldest supported kernel does not build are filler-code-kernel-compat). Functions are matched by probe and name, so moving a file is not a change.`,
  example: "  int f_sys_example_x(struct event_filler_arguments *args) {\n-	len = min(ret, (int64_t)args->snaplen);\n+	len = ret > 0 ? min(ret, (int64_t)args->snaplen) : 0;",
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => c.role === "filler");
    const header = "; it writes the event header differently (a field set or not, or another value), and the header is part of every event";
    const changed = mine.filter((c) => c.kind === "logic").map((c) => ({
      symbol: c.pair.name,
      message: `the code of ${describePair(c.pair)} changed${c.header ? header : ""}`,
      location: where(c.pair.head)
    }));
    const lone = (kind2) => mine.filter((c) => c.kind === kind2).map((c) => c.pair);
    return [
      ...changed,
      ...addedOrRemoved(lone("added"), "head", base),
      ...addedOrRemoved(lone("removed"), "base", head)
    ];
  }
};

// src/rules/schema/filler-code-kernel-compat.ts
var README = "libs' README.VERSION.md: do not increment these versions for patches that solely address build issues on specific kernels";
var fillerCodeKernelCompat = {
  id: "filler-code-kernel-compat",
  title: "Filler or program code changed only inside kernel-version conditionals",
  governs: "schema",
  bump: "none",
  kind: "note",
  rationale: `libs' driver/README.VERSION.md: "Please, do not increment these versions for patches that solely address build issues on specific kernels (for example, newly supported kernels) without impacting others." Kernel-compatibility code is code under #if groups on the kernel version (LINUX_VERSION_CODE, KERNEL_VERSION, RHEL_RELEASE_*) or on a kernel API probe (HAS_* from driver/configure, __has_include, kernel UAPI feature macros such as IORING_FEAT_*, defined(kernel_function)), and CO-RE feature checks (if (bpf_core_*(...)) ... else ..., when the condition checks nothing but kernel features). A change confined to it is this note only when one end of the supported kernel range still builds the same code: the oldest supported kernel, with or without its configuration options, for one outcome of the API probes (a probe may mark older or newer kernels): wrapping existing code into a new conditional for newer kernels, a new branch for them, a helper that exists only under such conditionals; or the newest kernel: a build fix for old kernels. Code changed in every branch alike, new code under a condition every kernel meets (LINUX_VERSION_CODE >= 0) or under a configuration option (#ifdef CONFIG_MMU) changes what the driver sends: filler-code-changed. Configuration options (CONFIG_* that select no architecture) are not kernel-specific: libs compiles payload code under them (the cgroups param under CONFIG_CGROUPS, memfd detection under CONFIG_MEMFD_CREATE) while its HAS_* probes only choose between spellings of a kernel API (cb3e5cf11, 9f7599816), and every distro kernel sets the common options, so the code under an option is code of the builds that have it. When the minimum kernel moves, the newest kernel's build decides instead.`,
  example: " #if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)\n 	val = old_helper(task);\n+#elif LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)\n+	val = renamed_helper(task);\n #else\n 	val = new_helper(task);\n #endif",
  check(base, head) {
    const pairs = codePairs(base, head);
    const changed = pairs.filter((p) => p.base && p.head && codeDelta(p.base.fn, p.head.fn, p.oldestMoved) === "compat").map((p) => ({
      symbol: p.name,
      message: `${describePair(p)} changed only inside kernel-version conditionals; ${README}`,
      location: where(p.head)
    }));
    const added2 = lonePairs(pairs, "head").filter((p) => isKernelSpecific(p.head.fn)).map((p) => ({
      symbol: p.name,
      message: `new kernel-specific function ${p.name} in ${p.head.path} (${PROBE_LABEL[p.probe]}), defined only under kernel-version conditionals; ${README}`,
      location: where(p.head)
    }));
    const removed2 = lonePairs(pairs, "base").filter((p) => isKernelSpecific(p.base.fn)).map((p) => ({
      symbol: p.name,
      message: `kernel-specific function ${p.name} was removed from ${p.base.path} (${PROBE_LABEL[p.probe]}); ${README}`,
      location: where(p.base)
    }));
    return [...changed, ...added2, ...removed2];
  }
};

// src/rules/schema/dispatch-code-changed.ts
var dispatchCodeChanged = {
  id: "dispatch-code-changed",
  title: "Dispatch code changed (which events are produced and sent) with no API change",
  governs: "schema",
  bump: "patch",
  rationale: `Dispatch is the plumbing that decides which events are produced and reach userspace without computing their params: the syscall dispatchers and tail-call glue, sampling and drop decisions, interesting-syscall filters, settings and map lookups. Roles come from the call graph at each revision: a function that tail-calls or touches a bpf map or probe global, and what only such code calls, is dispatch, unless it writes params or calls code that does (filler code). A dispatch change on its own can change which events userspace receives, and libs has versioned such changes as SCHEMA patches (README.VERSION.md: "patch version: increment when code changes don't break compatibility"). When the same change also changes the API's interface (a new map and its getter, settings moved to another map and their lookups), the code is part of that API change and needs nothing of its own: see code-follows-api-change.`,
  example: "  if(!settings->dropping_mode) {\n  	return false;\n  }\n- if(sampling_flag == UF_NEVER_DROP) {\n+ if(sampling_flag & UF_NEVER_DROP) {",
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => isPlumbingChange(c) && c.role === "dispatch");
    if (!mine.length || apiInterfaceChanges(base, head).length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)}; it decides which events are produced and reach userspace`,
      location: changeLocation(c)
    }));
  }
};

// src/rules/schema/transport-code-changed.ts
var transportCodeChanged = {
  id: "transport-code-changed",
  title: "Transport code changed (ring-buffer reservation and submission, the event header)",
  governs: "schema",
  bump: "none",
  kind: "note",
  rationale: `Transport is the plumbing that carries events to userspace without deciding which are sent or computing their params: ring-buffer reservation and submission and the writing of the event header. Roles come from the call graph at each revision: a function that writes struct ppm_evt_hdr or reserves or submits ring-buffer space, and what only such code calls, is transport, unless it writes params or calls code that does (filler code). What transport exchanges with userspace is the API's interface (the header layout, the ring-buffer and map structs), which the API rules compare; README.VERSION.md's SCHEMA patch is for "bug fixes in filler code". So a transport change on its own (libs d64d9ef59 rebuilt the header in a local to save verifier instructions, writing the same fields from the same values) is reported as this note, unless it writes the header differently (filler-code-changed: the header is part of every event); with an API change it is part of that change (code-follows-api-change).`,
  example: "- hdr->ts = maps__get_boot_time() + bpf_ktime_get_boot_ns();\n+ struct ppm_evt_hdr h = {0};\n+ h.ts = maps__get_boot_time() + bpf_ktime_get_boot_ns();\n+ __builtin_memcpy(&auxmap->data[0], &h, sizeof(h));",
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => isPlumbingChange(c) && c.role === "transport");
    if (!mine.length || apiInterfaceChanges(base, head).length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)}; it carries events without deciding which are sent or computing their params, through the interface the API rules compare`,
      location: changeLocation(c)
    }));
  }
};

// src/rules/api/stats-code-changed.ts
var statsCodeChanged = {
  id: "stats-code-changed",
  title: "Statistics code changed: judged by the counter structs, not as event code",
  governs: "api",
  bump: "none",
  kind: "note",
  rationale: `The drivers' statistics are counters in structs userspace reads across the boundary (ppm_ring_buffer_info, counter_map, iter_counters, scap_bpf_per_cpu_state: the n_* fields of the shared structs), not params of events: README.VERSION.md's SCHEMA patch is for "bug fixes in filler code". They follow the counters' struct rules (struct-layout-changed, struct-field-appended, struct-removed), which are API and judge a counter added, removed or moved. A code change that only updates counters differently (a function that does nothing but count, or a change confined to counter updates: libs 04a0aa898, 7b46dcb8d) needs nothing of its own and is reported as this note.`,
  example: "  counter->n_drops_buffer++;\n+ counter->n_evts++;",
  check(base, head) {
    const structs = changedCounterStructs(base, head);
    const why = structs.length ? `with the counter structs (${structs.join(", ")}), which the struct rules judge` : "the counter structs are unchanged";
    return codeChanges(base, head).filter(isStatisticsChange).map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)}, only in the counters it updates (${changedCounters(c).join(", ") || "statistics code"}); ${why}`,
      location: changeLocation(c)
    }));
  }
};

// src/rules/api/code-follows-api-change.ts
function summary(hits) {
  const first = hits[0].message;
  return hits.length > 1 ? `${first}; and ${hits.length - 1} more` : first;
}
var codeFollowsApiChange = {
  id: "code-follows-api-change",
  title: "Plumbing code changed along with the API interface it serves",
  governs: "api",
  bump: "none",
  kind: "note",
  rationale: "Plumbing moves events across the boundary through the API's interface (maps and globals, settings, the ring buffer and its header, tail-call tables, ioctls). When that interface changes in the same change, the code that follows it (a new map needs its getter, moved settings need their lookups) is part of the API change, which the interface rules already require a bump for: the code needs nothing of its own (README.VERSION.md: one bump per change). A plumbing change with no interface change is dispatch-code-changed (a SCHEMA patch) or transport-code-changed (a note).",
  example: "- return g_settings.snaplen;\n+ struct capture_settings *s = maps__get_capture_settings();\n+ return s ? s->snaplen : 0;",
  check(base, head) {
    const mine = codeChanges(base, head).filter(isPlumbingChange);
    const api = mine.length ? apiInterfaceChanges(base, head) : [];
    if (!api.length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)} with the API change it serves (${summary(api)}): part of that change`,
      location: changeLocation(c)
    }));
  }
};

// src/rules/schema/filler-ids-changed.ts
var fillerIdsChanged = {
  id: "filler-ids-changed",
  title: "FILLER_LIST_MAPPER changed (filler ids of the legacy eBPF probe)",
  governs: "schema",
  bump: "minor",
  rationale: 'While the legacy probe exists, a filler id is a tail-call index shared by the probe and libscap. libscap accepts a legacy probe only at the exact SCHEMA minor it was built for (scap_bpf.c check_schema_version_compatibility, "the legacy ebpf SCHEMA_VERSION is not semver compliant"), so a SCHEMA minor bump is what keeps a probe with other filler ids from loading.',
  example: "  FN(sys_mkdir_x) \\\n+ FN(sys_mknod_x) \\\n  FN(terminate_filler)",
  check(base, head) {
    const b = base.codeLists.FILLER_LIST_MAPPER;
    const h = head.codeLists.FILLER_LIST_MAPPER;
    if (!b || !h) return [];
    const hits = [];
    const bNames = b.entries.map((e) => e.name);
    const hNames = h.entries.map((e) => e.name);
    const added2 = hNames.filter((n) => !bNames.includes(n));
    const gone = bNames.filter((n) => !hNames.includes(n));
    const moved = bNames.filter((n, i2) => hNames.includes(n) && hNames.indexOf(n) !== i2);
    if (!added2.length && !gone.length && !moved.length) return [];
    const parts2 = [
      added2.length ? `adds ${added2.slice(0, 5).join(", ")}${added2.length > 5 ? ` and ${added2.length - 5} more` : ""}` : "",
      gone.length ? `removes ${gone.slice(0, 5).join(", ")}${gone.length > 5 ? ` and ${gone.length - 5} more` : ""}` : "",
      moved.length ? `moves ${moved.length} existing filler id${moved.length > 1 ? "s" : ""} (e.g. ${moved[0]} ${bNames.indexOf(moved[0])} \u2192 ${hNames.indexOf(moved[0])})` : ""
    ].filter(Boolean);
    hits.push({
      symbol: "FILLER_LIST_MAPPER",
      message: `FILLER_LIST_MAPPER ${parts2.join("; ")}`,
      location: h.entries.find((e) => added2.includes(e.name))?.loc ?? h.loc
    });
    return hits;
  }
};

// src/rules/schema/flag-tables.ts
var flagEntries = perSurface((s) => {
  const out2 = record();
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries) out2[`${table}/${e.name}`] ??= { ...e, table };
  }
  return out2;
});
var wireDefines = perSurface(
  (s) => record(Object.entries(s.defines).filter(([name2]) => isWireDefine(name2)))
);
function namesExistingValue(base, e) {
  const ops = splitOr(e.expr);
  const known = wireDefines(base);
  return ops.length > 0 && ops.every((op) => /^PPM_\w+$/.test(op) && Object.hasOwn(known, op));
}

// src/rules/schema/flag-value-added.ts
var flagValueAdded = {
  id: "flag-value-added",
  title: "A flag or value was added (a flag_table.c entry, a new table, or a PPM_* value define)",
  governs: "schema",
  bump: "minor",
  rationale: "New flag values are new features that leave existing values untouched: README.VERSION.md SCHEMA minor. Old userspace renders an unknown bit as a number. A table entry (or a new table) that only names a PPM_* value which already existed is flag-name-added.",
  example: '  {"O_TMPFILE", PPM_O_TMPFILE},\n+ {"O_NEWFLAG", PPM_O_NEWFLAG},',
  check(base, head) {
    const hits = [];
    for (const [name2, t] of added(base.flagTables, head.flagTables)) {
      const fresh = t.entries.filter((e) => !namesExistingValue(base, e));
      if (fresh.length)
        hits.push({
          symbol: name2,
          message: `new flag table ${name2} (${t.entries.length} values, ${fresh.length} of them new)`,
          location: t.loc
        });
    }
    const baseEntries = flagEntries(base);
    for (const [, e] of added(baseEntries, flagEntries(head))) {
      if (base.flagTables[e.table] && !namesExistingValue(base, e))
        hits.push({ symbol: e.name, message: `${e.table} gains ${e.name} = ${e.expr}`, location: e.loc });
    }
    for (const [name2, c] of added(wireDefines(base), wireDefines(head)))
      hits.push({ symbol: name2, message: `new ${name2} = ${c.expr}`, location: c.loc });
    return hits;
  }
};

// src/rules/schema/flag-name-added.ts
var flagNameAdded = {
  id: "flag-name-added",
  title: "A flag table gains a name for a PPM_* value that already existed",
  governs: "schema",
  bump: "patch",
  rationale: `The flag tables (flags_table.c) tell userspace how to print the values the drivers put in payloads. An entry (or a new table) for a PPM_* value that already existed at the base only names a value the driver could already send: how userspace prints it changes, the event does not (libs bb45c6358 rendered CLONE_CHILD_IN_PIDNS this way). README.VERSION.md SCHEMA patch, "code changes don't break compatibility (e.g. bug fixes ...)". A new PPM_* value the driver starts sending is flag-value-added, a minor.`,
  example: '  {"CLONE_VFORK", PPM_CL_CLONE_VFORK},\n+ {"CLONE_CHILD_IN_PIDNS", PPM_CL_CHILD_IN_PIDNS},',
  check(base, head) {
    const hits = [];
    for (const [name2, t] of added(base.flagTables, head.flagTables)) {
      if (t.entries.length && t.entries.every((e) => namesExistingValue(base, e)))
        hits.push({
          symbol: name2,
          message: `new flag table ${name2} names ${t.entries.length} existing values`,
          location: t.loc
        });
    }
    for (const [, e] of added(flagEntries(base), flagEntries(head))) {
      if (base.flagTables[e.table] && namesExistingValue(base, e))
        hits.push({
          symbol: e.name,
          message: `${e.table} gains a name for an existing value: ${e.name} = ${e.expr}`,
          location: e.loc
        });
    }
    return hits;
  }
};

// src/rules/schema/flag-value-changed.ts
var flagValueChanged = {
  id: "flag-value-changed",
  title: "An existing flag or value changed its number",
  governs: "schema",
  bump: "major",
  rationale: "PPM_* flag values are what the drivers put in payloads; userspace built against the base decodes the old number. A changed value is an incompatible schema change.",
  example: "- #define PPM_O_CREAT (1 << 2)\n+ #define PPM_O_CREAT (1 << 3)",
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(wireDefines(base), wireDefines(head))) {
      if (b.value !== null && h.value !== null && b.value !== h.value)
        hits.push({ symbol: name2, message: `${name2} changed from ${b.value} to ${h.value}`, location: h.loc });
    }
    for (const [, b, h] of common2(flagEntries(base), flagEntries(head))) {
      if (b.value !== null && h.value !== null && b.value !== h.value) {
        hits.push({
          symbol: h.name,
          message: `${h.table}: ${h.name} changed from ${b.value} to ${h.value}`,
          location: h.loc
        });
      } else if ((b.value === null || h.value === null) && b.expr !== h.expr) {
        hits.push({
          symbol: h.name,
          message: `${h.table}: ${h.name} now maps to ${h.expr} (was ${b.expr})`,
          location: h.loc
        });
      }
    }
    return hits;
  }
};

// src/rules/schema/flag-value-removed.ts
var flagValueRemoved = {
  id: "flag-value-removed",
  title: "A flag table entry, a flag table, or a PPM_* value define was removed",
  governs: "schema",
  bump: "minor",
  rationale: "The drivers stop producing a value that userspace built against the base still knows: nothing mis-decodes, but the set of values changes visibly, SCHEMA minor. Reusing the number later is flag-value-changed.",
  example: '- {"O_LARGEFILE", PPM_O_LARGEFILE},',
  check(base, head) {
    const hits = [];
    for (const [name2, t] of removed(base.flagTables, head.flagTables))
      hits.push({ symbol: name2, message: `flag table ${name2} was removed`, location: t.loc });
    for (const [, e] of removed(flagEntries(base), flagEntries(head))) {
      if (head.flagTables[e.table])
        hits.push({ symbol: e.name, message: `${e.table} loses ${e.name}`, location: head.flagTables[e.table].loc });
    }
    for (const [name2, c] of removed(wireDefines(base), wireDefines(head)))
      hits.push({ symbol: name2, message: `${name2} (${c.expr}) was removed`, location: c.loc });
    return hits;
  }
};

// src/rules/schema/ppm-sc-numbers.ts
var scNumbers = perSurface((s) => {
  const n = { live: /* @__PURE__ */ new Map(), retired: /* @__PURE__ */ new Map(), numberOf: /* @__PURE__ */ new Map() };
  for (const [symbol, c] of Object.entries(s.ppmSc)) {
    if (c.value === null) continue;
    if (c.retired) n.retired.set(c.value, { symbol, loc: c.loc });
    else if (!n.live.has(c.value)) {
      n.live.set(c.value, { symbol, loc: c.loc });
      n.numberOf.set(symbol, c.value);
    }
  }
  return n;
});
function renumbered2(base, head, symbol) {
  const b = scNumbers(base);
  const h = scNumbers(head);
  const from = b.numberOf.get(symbol);
  const to = h.numberOf.get(symbol);
  if (from === void 0 || to === void 0 || from === to) return false;
  const owner = b.live.get(to)?.symbol;
  return !(owner && owner !== symbol && !h.numberOf.has(owner));
}
function renamedNumbers(base, head) {
  const b = scNumbers(base);
  const h = scNumbers(head);
  const out2 = [];
  for (const [value, was] of b.live) {
    const now = h.live.get(value);
    if (now && now.symbol !== was.symbol && !h.numberOf.has(was.symbol))
      out2.push({ value, from: was.symbol, to: now.symbol, loc: now.loc });
  }
  return out2;
}

// src/rules/schema/ppm-sc-appended.ts
var ppmScAppended = {
  id: "ppm-sc-appended",
  title: "A new PPM_SC_* code was added",
  governs: "schema",
  bump: "patch",
  rationale: "New syscall codes are appended by syscalls-bumper, which bumps SCHEMA patch (e.g. 4.3.0 \u2192 4.3.1): existing codes keep their values and old userspace shows an unknown code as generic.",
  example: "  PPM_SC_X(LISTNS, 452) \\\n+ PPM_SC_X(RSEQ_SLICE_YIELD, 453)",
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    return [...h.live].filter(([v, c]) => !b.live.has(v) && !b.retired.has(v) && !b.numberOf.has(c.symbol)).map(([v, c]) => ({ symbol: c.symbol, message: `new ${c.symbol} = ${v}`, location: c.loc }));
  }
};

// src/rules/schema/ppm-sc-removed.ts
var ppmScRemoved = {
  id: "ppm-sc-removed",
  title: "A PPM_SC_* code was removed or retired",
  governs: "schema",
  bump: "minor",
  rationale: "The drivers stop producing the code, and userspace built against the head can no longer name it (filters, ppm_sc sets): a visible change, SCHEMA minor. The number must stay reserved: libs leaves it as a comment (/*PPM_SC_X(NA_1, 382)*/).",
  example: "- PPM_SC_X(NA_1, 382) \\\n+ /*PPM_SC_X(NA_1, 382)*/ \\",
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    return [...b.live].filter(([v, c]) => !h.live.has(v) && !renumbered2(base, head, c.symbol)).map(([v, c]) => {
      const retired = h.retired.get(v);
      return {
        symbol: c.symbol,
        message: `${c.symbol} (${v}) ${retired ? "was retired" : "was removed"}; its number stays reserved`,
        location: retired?.loc ?? c.loc
      };
    });
  }
};

// src/rules/schema/ppm-sc-renamed.ts
var ppmScRenamed = {
  id: "ppm-sc-renamed",
  title: "A PPM_SC_* code was renamed, keeping its number",
  governs: "schema",
  bump: "none",
  kind: "note",
  rationale: 'Only the number travels (param "ID" of PPME_GENERIC_X) and the syscall it maps to is unchanged; libs renamed codes to the kernel syscall name this way (09a74c1fb, and PIDFD_GET_FD \u2192 PIDFD_GETFD at 346). Code that names the old symbol must be updated.',
  example: "- PPM_SC_X(SIGRETURN_RT, 298) \\\n+ PPM_SC_X(RT_SIGRETURN, 298) \\",
  check(base, head) {
    return renamedNumbers(base, head).map(
      (r) => ({ symbol: r.to, message: `PPM_SC code ${r.value}: ${r.from} renamed to ${r.to}`, location: r.loc })
    );
  }
};

// src/rules/schema/ppm-sc-renumbered.ts
var ppmScRenumbered = {
  id: "ppm-sc-renumbered",
  title: "An existing PPM_SC_* code changed its number, or a number in use or retired was reused",
  governs: "schema",
  bump: "major",
  rationale: 'ppm_sc codes are on the wire: f_sys_generic sends g_syscall_table[].ppm_sc as param "ID" (PT_SYSCALLID) of PPME_GENERIC_X. A syscall reported under another number, or a number that now names another syscall, is a different syscall to userspace built against the base. Moving a name onto a number whose old name is gone (PIDFD_GET_FD \u2192 PIDFD_GETFD at 346) is a rename, not a renumbering.',
  example: "- PPM_SC_X(OPEN, 5)\n+ PPM_SC_X(OPEN, 6)",
  check(base, head) {
    const b = scNumbers(base);
    const h = scNumbers(head);
    const hits = [];
    for (const [symbol, c] of Object.entries(head.ppmSc)) {
      if (c.retired || c.value === null) continue;
      const was = b.numberOf.get(symbol);
      if (was !== void 0 && was !== c.value) {
        if (renumbered2(base, head, symbol))
          hits.push({ symbol, message: `${symbol} changed from ${was} to ${c.value}`, location: c.loc });
        continue;
      }
      if (was !== void 0) continue;
      const owner = b.live.get(c.value)?.symbol;
      if (owner && owner !== symbol && h.numberOf.has(owner)) {
        hits.push({
          symbol,
          message: `new ${symbol} reuses ${c.value}, the number of ${owner}`,
          location: c.loc
        });
      }
      const retired = b.retired.get(c.value);
      if (retired && !b.live.has(c.value)) {
        hits.push({
          symbol,
          message: retired.symbol === symbol ? `${symbol} (${c.value}) was retired and is live again` : `new ${symbol} reuses ${c.value}, the number of retired ${retired.symbol}`,
          location: c.loc
        });
      }
    }
    return hits;
  }
};

// src/rules/schema/event-limit-changed.ts
var eventLimitChanged = {
  id: "event-limit-changed",
  title: "A shared constant that shapes events (max params, the direction bit) changed value or was removed",
  governs: "schema",
  bump: "major",
  rationale: `Some shared constants decide how userspace reads every event: PPM_MAX_EVENT_PARAMS sizes the param arrays of libscap's printer and libpman's iterators, PPME_DIRECTION_FLAG tells enter from exit events (PPME_IS_ENTER in scap_event.c). Userspace built against the base reads events with the old value: README.VERSION.md SCHEMA major, "the schema becomes incompatible with previous userspace versions" (libs raised PPM_MAX_EVENT_PARAMS from 20 to 32 in 0c7a31025).`,
  example: "- #define PPM_MAX_EVENT_PARAMS (1 << 5)\n+ #define PPM_MAX_EVENT_PARAMS (1 << 6)",
  check(base, head) {
    return breakingChanges(base, head, "schema").map((c) => ({
      symbol: c.name,
      message: describeBreaking(c),
      location: (c.head ?? c.base).loc
    }));
  }
};

// src/rules/api/shared-constant-renamed.ts
var sharedConstantRenamed = {
  id: "shared-constant-renamed",
  title: "A shared constant was renamed at the same value",
  governs: "api",
  bump: "none",
  kind: "note",
  rationale: "A driver and a userspace built from different revisions agree on values, not on macro names: a shared constant removed while another appears with its value (libs 05f441523 moved RW_SNAPLEN and RW_MAX_SNAPLEN to capture_macro.h as SNAPLEN and SNAPLEN_MAX) changes nothing they exchange. Userspace sources that use the old name stop compiling, which the same change has to fix. Reported as a note.",
  example: "- #define RW_MAX_SNAPLEN PPM_MAX_ARG_SIZE\n+ #define SNAPLEN_MAX 65000",
  check(base, head) {
    return constantChanges(base, head).filter((c) => c.kind === "renamed").map((c) => ({
      symbol: c.to,
      message: `shared constant ${c.name} is now ${c.to} (value ${c.head.value} kept)`,
      location: c.head.loc
    }));
  }
};

// src/rules/api/struct-field-renamed.ts
var structFieldRenamed = {
  id: "struct-field-renamed",
  title: "A field of a struct shared with userspace was renamed at the same offset, size and type",
  governs: "api",
  bump: "none",
  kind: "note",
  rationale: "Userspace reads the shared structs by offset (the mmapped ppm_ring_buffer_info, bpf map values, ioctl buffers): a field renamed in place, with the same type and size at the same offset, is read as before by userspace built against the base, so it is neither a removal nor an insertion. Userspace sources that use the old name stop compiling, which the same change fixes; if the field's meaning changed with its name, the code that fills it says so (the code rules). Reported as a note.",
  example: " struct capture_settings {\n-	int32_t scap_pid;\n+	int32_t scap_tid;\n };",
  check(base, head) {
    const hits = [];
    for (const [name2, b, h] of common2(base.structs, head.structs)) {
      for (const r of renamedFields(b, h)) {
        hits.push({
          symbol: `${name2}.${r.to.name}`,
          message: `struct ${name2}: field ${r.from.name} is now ${r.to.name} (${r.to.type} at offset ${r.to.offset}, size ${r.to.size}, unchanged)`,
          location: { path: h.loc.path, line: r.to.line },
          ...MODERN_PROBE_STRUCTS.has(name2) ? { scope: "modern-probe" } : {}
        });
      }
    }
    return hits;
  }
};

// src/rules/api/bpf-map-renamed.ts
var bpfMapRenamed = {
  id: "bpf-map-renamed",
  title: "A legacy-probe bpf map was renamed in place (same definition, same declaration order)",
  governs: "api",
  bump: "none",
  kind: "note",
  rationale: `libscap's legacy eBPF loader finds the probe's maps by declaration order, not by name (driver/bpf/types.h, enum scap_map_types: "This enum must follow the order in which BPF maps are defined"), so a map renamed with the same type, sizes and index is found and used as before. The modern probe's maps and globals are another matter: libpman finds them by name through the skeleton, so renaming one is bpf-map-changed.`,
  example: '- struct bpf_map_def __bpf_section("maps") syscall_code_routing_table = {...};\n+ struct bpf_map_def __bpf_section("maps") syscall_table = {...};',
  check(base, head) {
    return bpfRenames(base, head).filter((r) => !foundByName(r)).map((r) => ({
      symbol: r.to,
      message: `${r.probe} probe ${r.what} ${r.from} is now ${r.to}, at the same index with the same definition: libscap finds legacy maps by declaration order`,
      location: r.head.loc
    }));
  }
};

// src/rules/schema/syscall-flags-changed.ts
var syscallFlagsChanged = {
  id: "syscall-flags-changed",
  title: "The UF_* flags of a syscall changed (sampling and drop behaviour)",
  governs: "schema",
  bump: "patch",
  rationale: `UF_NEVER_DROP, UF_ALWAYS_DROP and UF_USED tune which events survive dropping mode; the events themselves are unchanged, so nothing userspace decodes breaks: README.VERSION.md SCHEMA patch, "when code changes don't break compatibility" (docs/driver-surface.md, Syscall routing).`,
  example: "- [__NR_brk - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SYSCALL_BRK_4_E, PPME_SYSCALL_BRK_4_X, PPM_SC_BRK},\n+ [__NR_brk - SYSCALL_TABLE_ID0] = {UF_USED | UF_ALWAYS_DROP, PPME_SYSCALL_BRK_4_E, PPME_SYSCALL_BRK_4_X, PPM_SC_BRK},",
  check(base, head) {
    return common2(base.syscalls, head.syscalls).filter(([, b, h]) => setDiff(b.flags, h.flags).length || setDiff(h.flags, b.flags).length).map(([nr, b, h]) => ({
      symbol: nr,
      message: `${nr} flags ${b.flags.join(" | ") || "none"} \u2192 ${h.flags.join(" | ") || "none"}`,
      location: h.loc
    }));
  }
};

// src/rules/schema/syscall-routing-changed.ts
var isGeneric = (r) => r.enter === "PPME_GENERIC_E" && r.exit === "PPME_GENERIC_X";
var syscallRoutingChanged = {
  id: "syscall-routing-changed",
  title: "A syscall is routed to other events or another ppm_sc code, or gains or loses dedicated events",
  governs: "schema",
  bump: "minor",
  rationale: 'g_syscall_table decides which events the drivers emit for a syscall. Routing it to other or new dedicated events is a feature that leaves existing events compatible: README.VERSION.md SCHEMA minor, "when new features are added but existing features remain compatible" (docs/driver-surface.md, Syscall routing). Userspace built against the base keeps decoding what it knows, but sees the syscall through other events from now on.',
  example: "- [__NR_mknod - SYSCALL_TABLE_ID0] = {.ppm_sc = PPM_SC_MKNOD},\n+ [__NR_mknod - SYSCALL_TABLE_ID0] = {UF_USED, PPME_SYSCALL_MKNOD_E, PPME_SYSCALL_MKNOD_X, PPM_SC_MKNOD},",
  check(base, head) {
    const hits = [];
    for (const [nr, b, h] of common2(base.syscalls, head.syscalls)) {
      const parts2 = [];
      if (b.enter !== h.enter || b.exit !== h.exit) parts2.push(`events ${b.enter}/${b.exit} \u2192 ${h.enter}/${h.exit}`);
      const bv = b.ppmSc ? base.ppmSc[b.ppmSc]?.value : void 0;
      const hv = h.ppmSc ? head.ppmSc[h.ppmSc]?.value : void 0;
      const sameCode = bv !== void 0 && bv !== null && bv === hv;
      if (b.ppmSc && h.ppmSc && b.ppmSc !== h.ppmSc && !sameCode) parts2.push(`ppm_sc ${b.ppmSc} \u2192 ${h.ppmSc}`);
      if (parts2.length) hits.push({ symbol: nr, message: `${nr}: ${parts2.join(", ")}`, location: h.loc });
    }
    for (const [nr, r] of added(base.syscalls, head.syscalls)) {
      if (!isGeneric(r))
        hits.push({ symbol: nr, message: `${nr} is now routed to ${r.enter}/${r.exit}`, location: r.loc });
    }
    for (const [nr, r] of removed(base.syscalls, head.syscalls)) {
      hits.push({
        symbol: nr,
        message: `${nr} is no longer in g_syscall_table (was ${r.enter}/${r.exit})`,
        location: r.loc
      });
    }
    return hits;
  }
};

// src/rules/catalogue.ts
var RULES = [
  // Event codes and the event table.
  eventPairAdded,
  eventRemoved,
  eventRenumbered,
  eventNameChanged,
  eventCategoryChanged,
  eventParamAppended,
  eventParamRemoved,
  eventParamReordered,
  eventParamRenamed,
  eventParamTypeChanged,
  eventParamTypeRefined,
  eventParamFormatChanged,
  eventParamInfoChanged,
  eventFlagAdded,
  eventFlagRemoved,
  eventOldVersionAdded,
  // What each driver produces (the event production matrix).
  eventNoLongerProduced,
  eventStartsBeingProduced,
  eventFillerSwapped,
  eventLargePayloadToggled,
  eventNparamsMismatch,
  eventLimitChanged,
  // Invariants of the head alone, for new event codes and the version files.
  eventMaxNotMoved,
  eventCodeWithoutEntry,
  eventPairingBroken,
  eventFlagsBroken,
  schemaVersionUnpackable,
  // Enums, ppm_sc codes, flag values, dynamic params.
  enumValueAdded,
  enumValueRenumbered,
  enumValueRemoved,
  enumValueRenamed,
  ppmScAppended,
  ppmScRenumbered,
  ppmScRemoved,
  ppmScRenamed,
  flagValueAdded,
  flagNameAdded,
  flagValueChanged,
  flagValueRemoved,
  dynamicParamAdded,
  dynamicParamChanged,
  syscallRoutingChanged,
  syscallFlagsChanged,
  fillerIdsChanged,
  fillerCodeChanged,
  fillerCodeKernelCompat,
  dispatchCodeChanged,
  transportCodeChanged,
  // API: shared struct layouts, ioctls, bpf maps and globals, ordered code lists, module params, shared constants.
  ...API_INTERFACE_RULES,
  apiVersionUnpackable,
  structFieldRenamed,
  bpfMapRenamed,
  sharedConstantRenamed,
  // API: code that serves the interface (statistics, plumbing with an interface change).
  statsCodeChanged,
  codeFollowsApiChange
];
function runRules(base, head, rules = RULES) {
  const findings = [];
  for (const rule of rules) {
    for (const hit of rule.check(base, head)) {
      findings.push({ rule: rule.id, governs: rule.governs, bump: rule.bump, kind: rule.kind ?? "change", ...hit });
    }
  }
  return findings;
}

// src/config/config.ts
var REPO_CONFIG_PATH = ".github/driver-semver.json";
var LEVELS = ["none", "patch", "minor", "major", "off"];
var KEYS = ["rules", "modernProbe", "sharedStructs", "ignore", "incomplete"];
var DATE = /^\d{4}-\d{2}-\d{2}$/;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseConfig(text2, source) {
  const bad = (msg) => new InputError(`${source}: ${msg}`);
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch (e) {
    throw bad(e.message);
  }
  if (!isObject(raw)) throw bad("expected a JSON object");
  const unknown = Object.keys(raw).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw bad(`unknown key '${unknown[0]}' (known: ${KEYS.join(", ")})`);
  const { rules, modernProbe, sharedStructs, ignore, incomplete } = raw;
  const config = {};
  if (rules !== void 0) {
    if (!isObject(rules)) throw bad('"rules" must be an object of rule id \u2192 level');
    for (const [id, level] of Object.entries(rules)) {
      if (typeof level !== "string" || !LEVELS.includes(level))
        throw bad(`rule '${id}' has level ${JSON.stringify(level)}; use one of ${LEVELS.join(", ")}`);
    }
    config.rules = rules;
  }
  if (modernProbe !== void 0) {
    if (modernProbe !== "abi" && modernProbe !== "bundled")
      throw bad(`"modernProbe" must be "abi" or "bundled", not ${JSON.stringify(modernProbe)}`);
    config.modernProbe = modernProbe;
  }
  if (sharedStructs !== void 0) {
    if (!Array.isArray(sharedStructs) || !sharedStructs.every((n) => typeof n === "string" && /^\w+$/.test(n)))
      throw bad('"sharedStructs" must be a list of struct names');
    config.sharedStructs = sharedStructs;
  }
  if (ignore !== void 0) {
    if (!Array.isArray(ignore)) throw bad('"ignore" must be a list of {rule, symbol, reason, expires?}');
    config.ignore = ignore.map((e, i2) => ignoreEntry(e, (msg) => bad(`ignore[${i2}]: ${msg}`)));
  }
  if (incomplete !== void 0) {
    if (incomplete !== "fail" && incomplete !== "warn")
      throw bad(`"incomplete" must be "fail" or "warn", not ${JSON.stringify(incomplete)}`);
    config.incomplete = incomplete;
  }
  return config;
}
function ignoreEntry(e, bad) {
  if (!isObject(e)) throw bad("expected an object {rule, symbol, reason, expires?}");
  const extra = Object.keys(e).filter((k) => !["rule", "symbol", "reason", "expires"].includes(k));
  if (extra.length) throw bad(`unknown key '${extra[0]}'`);
  const { rule, symbol, reason, expires } = e;
  if (typeof rule !== "string" || !RULES.some((r) => r.id === rule))
    throw bad(`unknown rule ${JSON.stringify(rule)} (see 'driver-semver explain --list')`);
  if (typeof symbol !== "string" || !symbol.trim())
    throw bad('"symbol" must name the symbol of the finding (as in the report)');
  if (typeof reason !== "string" || !reason.trim())
    throw bad('"reason" is mandatory: say why this finding is accepted');
  if (expires !== void 0 && (typeof expires !== "string" || !DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)))) {
    throw bad(`"expires" must be a date YYYY-MM-DD, not ${JSON.stringify(expires)}`);
  }
  return { rule, symbol, reason, ...expires ? { expires } : {} };
}
function loadConfigFile(file, label = `--config ${file}`) {
  return parseConfig(readInputFile(file, label), label);
}
function loadConfig(src, repo, commit) {
  if (src.kind === "none") return { config: {}, source: null };
  if (src.kind === "file") return { config: loadConfigFile(src.file), source: src.file };
  const rel = src.path ?? REPO_CONFIG_PATH;
  if (src.at === "worktree") {
    if (!repo.workTree) throw new InputError(`configuration ${rel}: ${repo.dir} has no work tree`);
    const file = path3.join(repo.workTree, rel);
    if (!existsSync3(file)) return absent(src, `${rel} (work tree)`);
    return { config: loadConfigFile(file, `configuration ${rel}`), source: rel };
  }
  if (!commit) throw new Error("loadConfig: a revision is needed");
  const label = `${rel} @ ${commit.slice(0, 12)}`;
  const text2 = repo.run(["cat-file", "blob", `${commit}:${rel}`], true);
  if (text2 === null) return absent(src, label);
  return { config: parseConfig(text2, `configuration ${label}`), source: label };
}
function absent(src, label) {
  if (src.required) throw new InputError(`configuration ${label}: no such file`);
  return { config: {}, source: null };
}

// src/history/facts-pool.ts
import { existsSync as existsSync4 } from "node:fs";
import os from "node:os";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
var WORKER_KIND = "driver-semver-facts";
var MAX_WORKERS = 3;
async function factsFor(path4, data, kind2, minKernel = 0n) {
  return fileKinds(path4).includes(kind2) ? blobFacts(path4, data, kind2, minKernel) : null;
}
if (!isMainThread && workerData?.kind === WORKER_KIND && parentPort) {
  const port = parentPort;
  let chain = Promise.resolve();
  port.on("message", (m) => {
    chain = chain.then(async () => {
      let reply;
      try {
        reply = {
          id: m.id,
          facts: await factsFor(
            m.path,
            m.data ? Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength) : null,
            m.kind,
            BigInt(m.minKernel)
          )
        };
      } catch (e) {
        reply = { id: m.id, error: e.message };
      }
      port.postMessage(reply);
    });
  });
}
function bundledWorkerScript() {
  try {
    const file = fileURLToPath2(new URL("./lib.js", import.meta.url));
    return existsSync4(file) ? file : null;
  } catch {
    return null;
  }
}
var FactsPool = class _FactsPool {
  constructor(cache, read2, sizeOf) {
    this.cache = cache;
    this.read = read2;
    this.sizeOf = sizeOf;
  }
  cache;
  read;
  sizeOf;
  workers = [];
  queue = [];
  pending = /* @__PURE__ */ new Map();
  nextId = 0;
  failed = null;
  started = 0;
  closing = false;
  /** The group the walk has reached (-1: its start). */
  position = -1;
  /** Blobs whose facts a worker delivered. */
  extracted = 0;
  /** A pool of `count` workers running `script`, or null when there is no bundle to run. */
  static start(cache, read2, size, opts = {}) {
    const script = opts.script === void 0 ? bundledWorkerScript() : opts.script;
    const count = opts.count ?? Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism() - 1));
    if (!script || count < 1) return null;
    const pool = new _FactsPool(cache, read2, size);
    for (let i2 = 0; i2 < count; i2++) {
      const w = new Worker(script, { workerData: { kind: WORKER_KIND } });
      const slot2 = { w, busy: 0 };
      w.on("message", (r) => pool.done(slot2, r));
      w.on("error", (e) => pool.fail(e));
      w.on("exit", (code) => pool.fail(new Error(`facts worker exited (code ${code})`)));
      pool.workers.push(slot2);
    }
    pool.started = count;
    return pool;
  }
  /**
   * A pool that parses the blobs of a few snapshots (the check's base and head) on the spare
   * cores (none on a two-core machine, unless a worker script is given):
   * the declarations first, then the code for the kernel range each snapshot's declarations
   * state. Resolves once everything is queued; buildSurface then finds each blob in the cache.
   */
  static async forSnapshots(cache, snaps, opts = {}) {
    const where2 = /* @__PURE__ */ new Map();
    for (const snap of snaps)
      for (const [path4, e] of snap.files) if (!e.mode && fileKinds(path4).length) where2.set(e.blob, { snap, path: path4 });
    const read2 = async (blob) => {
      const w = where2.get(blob);
      return w ? w.snap.read(w.path) : null;
    };
    const size = async (blob) => {
      const w = where2.get(blob);
      return w ? w.snap.size(w.path) : null;
    };
    const cores = os.availableParallelism();
    if (cores < 3 && opts.script === void 0) return null;
    const pool = _FactsPool.start(cache, read2, size, { ...opts, count: Math.min(MAX_WORKERS, Math.max(2, cores - 1)) });
    if (!pool) return null;
    const readable = (snap) => [...snap.files.values()].filter((e) => !e.mode);
    for (const snap of snaps)
      for (const e of readable(snap))
        for (const kind2 of fileKinds(e.path)) if (kind2 !== "code") pool.prefetch(e.path, e.blob, kind2);
    for (const snap of snaps) {
      const kernels = kernelRanges((await readDeclarations(snap, cache, [])).values());
      for (const e of readable(snap))
        if (fileKinds(e.path).includes("code")) pool.prefetch(e.path, e.blob, "code", codeKernel(e.path, kernels));
    }
    return pool;
  }
  /** Worker threads started. */
  get size() {
    return this.started;
  }
  /** Queues a blob the walk first reads (as `kind`) at group `at` (in walk order). */
  prefetch(path4, blob, kind2, minKernel = 0n, at = -1) {
    if (!fileKinds(path4).includes(kind2)) return;
    const p = this.cache.get(factsKey(path4, kind2, blob, minKernel), () => {
      const fromWorker = new Promise((resolve2, reject) => {
        if (this.failed) return reject(this.failed);
        this.queue.push({ path: path4, blob, kind: kind2, minKernel, at, resolve: resolve2, reject });
        this.pump();
      });
      return fromWorker.catch(async () => {
        const facts = await factsFor(path4, await this.read(blob), kind2, minKernel);
        if (facts === null) throw new Error(`${path4} is not a file the surface reads`);
        return facts;
      });
    });
    p.catch(() => void 0);
  }
  /** The walk reached group `index`: blobs up to PREFETCH_GROUPS_AHEAD groups further may be parsed. */
  reached(index) {
    this.position = index;
    this.pump();
  }
  pump() {
    if (this.failed) {
      for (const t of this.queue.splice(0)) t.reject(this.failed);
      return;
    }
    for (const slot2 of this.workers) {
      while (slot2.busy < 2 && this.queue.length && this.queue[0].at <= this.position + PREFETCH_GROUPS_AHEAD) {
        const task = this.queue.shift();
        const id = this.nextId++;
        this.pending.set(id, task);
        slot2.busy++;
        this.sizeOf(task.blob).then(async (size) => {
          if (size !== null && size > MAX_FILE_BYTES) return this.done(slot2, { id, facts: tooLarge(size) });
          const data = await this.read(task.blob);
          {
            const bytes = data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
            const own = bytes ? new Uint8Array(bytes) : null;
            slot2.w.postMessage(
              {
                id,
                path: task.path,
                blob: task.blob,
                data: own,
                kind: task.kind,
                minKernel: String(task.minKernel)
              },
              own ? [own.buffer] : []
            );
          }
        }).catch((e) => this.done(slot2, { id, error: e.message }));
      }
    }
  }
  done(slot2, r) {
    const task = this.pending.get(r.id);
    if (!task) return;
    this.pending.delete(r.id);
    slot2.busy--;
    if ("error" in r) task.reject(new Error(`extracting ${task.path} (${task.blob.slice(0, 12)}): ${r.error}`));
    else if (r.facts === null) task.reject(new Error(`extracting ${task.path}: not a file the surface reads`));
    else {
      this.extracted++;
      task.resolve(r.facts);
    }
    this.pump();
  }
  fail(e) {
    if (this.closing) return;
    this.failed ??= e;
    for (const t of [...this.pending.values(), ...this.queue.splice(0)]) t.reject(e);
    this.pending.clear();
  }
  async close() {
    this.closing = true;
    await Promise.all(this.workers.map((s) => s.w.terminate()));
    this.workers = [];
  }
};

// src/surface/comparable.ts
var KEYED = [
  "eventCodes",
  "events",
  "ppmSc",
  "defines",
  "flagTables",
  "dynamicParams",
  "syscalls",
  "structs",
  "ioctls",
  "retiredIoctls",
  "bpfMaps",
  "bpfGlobals",
  "codeLists",
  "moduleParams",
  "sharedConstants"
];
function unreadable(s) {
  return new Set(s.warnings.filter((w) => w.unread).map((w) => w.path));
}
function without(r, paths) {
  return record(Object.entries(r).filter(([, v]) => !paths.has(v.loc.path)));
}
function prune(s, paths) {
  if (!paths.size) return s;
  const out2 = { ...s, code: record(Object.entries(s.code).filter(([p]) => !paths.has(p))) };
  for (const k of KEYED)
    out2[k] = without(s[k], paths);
  const kept = (r) => record(
    Object.entries(r).filter(([, e]) => Object.values(e).some((c) => !paths.has(c.loc.path))).map(([name2, e]) => [name2, without(e, paths)])
  );
  out2.enums = kept(s.enums);
  out2.retiredEnumValues = kept(s.retiredEnumValues);
  return out2;
}
function values(s) {
  const out2 = /* @__PURE__ */ new Map();
  const constants = (r) => {
    for (const [k, c] of Object.entries(r))
      out2.set(k, { name: k, value: c.value, loc: c.loc, ...c.expr !== void 0 ? { expr: c.expr } : {} });
  };
  constants(s.eventCodes);
  for (const e of Object.values(s.enums)) constants(e);
  for (const e of Object.values(s.retiredEnumValues)) constants(e);
  constants(s.defines);
  constants(s.sharedConstants);
  constants(s.ppmSc);
  for (const [k, e] of Object.entries(s.events)) {
    out2.set(`nparams ${k}`, {
      name: `the nparams of ${k}`,
      value: e.nparams,
      loc: e.loc,
      ...e.nparamsExpr !== void 0 ? { expr: e.nparamsExpr } : {}
    });
  }
  for (const [k, io] of [...Object.entries(s.ioctls), ...Object.entries(s.retiredIoctls)])
    out2.set(`ioctl ${k}`, { name: k, value: io.number, loc: io.loc, expr: io.expr });
  for (const [table, t] of Object.entries(s.flagTables)) {
    for (const e of t.entries)
      out2.set(`flag ${table}/${e.name}`, { name: `${table}: ${e.name}`, value: e.value, loc: e.loc, expr: e.expr });
  }
  for (const [k, m] of Object.entries(s.bpfMaps)) {
    if (m.keyType !== null)
      out2.set(`map key ${k}`, {
        name: `the key size of bpf map ${k}`,
        value: m.keySize,
        loc: m.loc,
        expr: `sizeof(${m.keyType})`
      });
    if (m.valueType !== null)
      out2.set(`map value ${k}`, {
        name: `the value size of bpf map ${k}`,
        value: m.valueSize,
        loc: m.loc,
        expr: `sizeof(${m.valueType})`
      });
    if (m.maxEntriesExpr !== null)
      out2.set(`map max ${k}`, {
        name: `max_entries of bpf map ${k}`,
        value: m.maxEntries,
        loc: m.loc,
        expr: m.maxEntriesExpr
      });
  }
  return out2;
}
var shown = (expr) => expr.length > 80 ? `${expr.slice(0, 80)}\u2026` : expr;
function comparable(base, head) {
  const gone = /* @__PURE__ */ new Set([...unreadable(base), ...unreadable(head)]);
  const b = prune(base, gone);
  const h = prune(head, gone);
  const warnings = [];
  const before = values(b);
  for (const [key, c] of values(h)) {
    if (c.value !== null) continue;
    const was = before.get(key);
    const where2 = `at ${c.loc.path}:${c.loc.line}; a change to it cannot be judged`;
    if (was && was.value === null) {
      if (was.expr === void 0 || c.expr === void 0 || was.expr === c.expr) continue;
      warnings.push({
        path: c.loc.path,
        message: `${c.name}: its value cannot be computed at ${base.rev} (${shown(was.expr)}) nor at ${head.rev} (${shown(c.expr)}), ${where2}`,
        incomplete: true
      });
      continue;
    }
    const expr = c.expr ? ` (${shown(c.expr)})` : "";
    warnings.push({
      path: c.loc.path,
      message: `${c.name} at ${head.rev}: its value cannot be computed${expr}, ${where2}`,
      incomplete: true
    });
  }
  return { base: b, head: h, warnings };
}

// src/verdict/verdict.ts
var import_semver = __toESM(require_semver2(), 1);

// src/rules/types.ts
var BUMP_ORDER = ["none", "patch", "minor", "major"];
function maxBump(a, b) {
  return BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b) ? a : b;
}

// src/verdict/verdict.ts
function bumpBetween(from, to) {
  if (import_semver.default.eq(from, to)) return "none";
  if (import_semver.default.lt(to, from)) return "decreased";
  const a = import_semver.default.parse(from);
  const b = import_semver.default.parse(to);
  if (b.major !== a.major) return "major";
  if (b.minor !== a.minor) return "minor";
  return "patch";
}
function nextVersion(from, bump) {
  return bump === "none" ? from : import_semver.default.inc(from, bump);
}
function bumpAtLeast(a, b) {
  return BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b);
}
function versionVerdict(input) {
  const { governs, base, head, baseTipVersion, findings } = input;
  const label = VERSION_LABEL[governs];
  const file = base.versions[governs]?.path ?? head.versions[governs]?.path ?? VERSION_FILES[governs];
  const baseV = base.versions[governs]?.version ?? null;
  const headV = head.versions[governs]?.version ?? null;
  const mine = findings.filter((f) => f.governs === governs);
  const required = mine.filter((f) => f.kind === "change").reduce((acc, f) => maxBump(acc, f.bump), "none");
  const reasons = [];
  const tip = baseTipVersion ?? baseV;
  const suggested = tip ? nextVersion(tip, required) : null;
  const result = (statuses, declared2, fixTo) => {
    const target = fixTo ?? (statuses.some((s) => BUMP_FIXED_BY_SUGGESTION.includes(s)) && suggested ? suggested : headV);
    return {
      file,
      base: baseV,
      head: headV,
      declared: declared2,
      required,
      suggested,
      status: statuses[0],
      statuses,
      reasons,
      ...baseTipVersion && baseTipVersion !== baseV ? { baseTip: baseTipVersion } : {},
      fixes: fixesFor(governs, file, head, headV, target)
    };
  };
  if (!headV || !baseV) {
    const which = !headV ? head : base;
    const vf = which.versions[governs];
    reasons.push(
      vf ? `${file} at ${which.rev}: first line '${vf.raw}' is not a MAJOR.MINOR.PATCH version` : `${file} is missing at ${which.rev}`
    );
    return result(["invalid"], "none", headV ? null : suggested);
  }
  const problems = [
    ...mine.filter((f) => f.kind === "invalid").map((f) => f.message),
    ...minimumProblems(governs, head, headV)
  ];
  const { status, declared } = bumpStatus({
    label,
    governs,
    baseV,
    headV,
    baseTipVersion: baseTipVersion ?? null,
    required,
    suggested,
    reasons
  });
  if (!problems.length) return result([status], declared);
  reasons.push(...problems);
  return result(status === "ok" ? ["invalid"] : ["invalid", status], declared);
}
var BUMP_FIXED_BY_SUGGESTION = FAILING_STATUSES.filter((s) => s !== "invalid");
function bumpStatus(o) {
  const { label, governs, baseV, headV, baseTipVersion, required, suggested, reasons } = o;
  const tipMoved = Boolean(baseTipVersion && baseTipVersion !== baseV && import_semver.default.valid(baseTipVersion));
  if (tipMoved) {
    reasons.push(
      `the base branch moved ${label} from ${baseV} to ${baseTipVersion} since this branch forked: rebase and declare ${suggested}`
    );
  }
  const from = tipMoved && headV !== baseV && import_semver.default.gt(headV, baseTipVersion) ? baseTipVersion : baseV;
  const step = bumpBetween(from, headV);
  const declared = step === "decreased" ? "none" : step;
  if (step === "decreased") {
    reasons.push(`${label} went down from ${baseV} to ${headV}`);
    return { status: "decreased", declared: "none" };
  }
  if (declared !== "none" && headV !== nextVersion(from, declared)) {
    reasons.push(
      `${from} \u2192 ${headV} is not one ${declared} step: expected ${nextVersion(from, declared)} (numbers are not skipped, lower components reset to 0)`
    );
    return { status: "not-one-step", declared };
  }
  if (tipMoved && headV !== baseV && from === baseV) {
    return { status: required === "none" ? "unexplained" : "missing", declared };
  }
  if (required === "none" && declared === "none") return { status: "ok", declared };
  if (required === "none") {
    reasons.push(`${label} was bumped (${declared}) but no ${governs} change was found`);
    return { status: "unexplained", declared };
  }
  if (declared === "none") {
    reasons.push(`the changes need a ${required} bump of ${label} and none was made`);
    return { status: "missing", declared };
  }
  if (!bumpAtLeast(declared, required)) {
    reasons.push(`the changes need a ${required} bump; ${from} \u2192 ${headV} is only ${declared}`);
    return { status: "too-small", declared };
  }
  if (declared !== required) {
    reasons.push(`the changes need only a ${required} bump; ${from} \u2192 ${headV} is ${declared}`);
    return { status: "too-large", declared };
  }
  return { status: "ok", declared };
}
function fixesFor(governs, file, head, headV, target) {
  if (!target || !import_semver.default.valid(target)) return [];
  const fixes = [];
  if (target !== headV) fixes.push({ file, line: 1, text: target });
  const min2 = head.scapMinimum[governs];
  if (min2?.version && import_semver.default.valid(min2.version)) {
    const wanted = import_semver.default.major(min2.version) !== import_semver.default.major(target) ? `${import_semver.default.major(target)}.0.0` : import_semver.default.gt(min2.version, target) ? target : null;
    if (wanted) fixes.push({ file: min2.loc.path, line: min2.loc.line, text: minimumDefine(min2.macro, wanted) });
  }
  return fixes;
}
function minimumDefine(macro, version) {
  const [major, minor, patch] = version.split(".");
  return `#define ${macro} PPM_API_VERSION(${major}, ${minor}, ${patch})`;
}
function minimumProblems(governs, head, headV) {
  const min2 = head.scapMinimum[governs];
  if (!min2) return [];
  if (!min2.version)
    return [
      `${min2.macro} (${min2.loc.path}:${min2.loc.line}) is not a PPM_API_VERSION(major, minor, patch) we can read: '${min2.expr}'`
    ];
  const out2 = [];
  if (import_semver.default.major(min2.version) !== import_semver.default.major(headV)) {
    out2.push(
      `${min2.macro} is ${min2.version} but ${VERSION_LABEL[governs]} is ${headV}: libscap requires equal majors and would refuse the driver built from this commit; set it to ${import_semver.default.major(headV)}.0.0 or higher within ${import_semver.default.major(headV)}.x`
    );
  } else if (import_semver.default.gt(min2.version, headV)) {
    out2.push(
      `${min2.macro} is ${min2.version}, above ${VERSION_LABEL[governs]} ${headV}: libscap would refuse the driver built from this commit`
    );
  }
  return out2;
}

// src/pipeline.ts
function applyModernProbeLevel(findings, level = "abi") {
  if (level === "abi") return findings;
  return findings.map(
    (f) => f.scope === "modern-probe" && f.kind === "change" ? {
      ...f,
      kind: "note",
      bump: "none",
      message: `${f.message} (modern probe bundled with libpman: not counted; it would need ${f.bump})`
    } : f
  );
}
function configuredRules(overrides = {}) {
  for (const id of Object.keys(overrides)) {
    if (!RULES.some((r) => r.id === id))
      throw new InputError(`configuration: unknown rule '${id}' (see 'driver-semver explain --list')`);
  }
  return RULES.filter((r) => overrides[r.id] !== "off").map((r) => {
    const o = overrides[r.id];
    return o && o !== "off" ? { ...r, bump: o } : r;
  });
}
function compareSurfaces(base, head, opts = {}) {
  const { findings, warnings } = findingsOf(base, head, opts.rules ?? RULES, opts.modernProbe);
  return judge(base, head, findings, opts.baseTip ?? null, opts.incomplete, warnings);
}
function findingsOf(base, head, rules, modernProbe) {
  const c = comparable(base, head);
  return { findings: applyModernProbeLevel(runRules(c.base, c.head, rules), modernProbe), warnings: c.warnings };
}
function overallVerdict(versions, warnings, incomplete = "fail") {
  const partial2 = warnings.some((w) => w.incomplete);
  if (versions.some((v) => v.status !== "ok" && v.status !== "unexplained") || partial2 && incomplete === "fail")
    return "fail";
  if (versions.some((v) => v.status === "unexplained") || partial2) return "warn";
  return "pass";
}
function applyIgnores(findings, ignore, today, source) {
  const warnings = [];
  const live = ignore.filter((e) => {
    if (!e.expires || e.expires >= today) return true;
    warnings.push({
      path: source,
      message: `ignore of ${e.rule} ${e.symbol} expired on ${e.expires}: its finding counts again (reason was: ${e.reason})`,
      incomplete: false
    });
    return false;
  });
  const used = /* @__PURE__ */ new Set();
  const kept = [];
  const ignored = [];
  for (const f of findings) {
    const entry = live.find((e) => e.rule === f.rule && e.symbol === f.symbol);
    if (!entry || f.kind === "note") kept.push(f);
    else {
      used.add(entry);
      ignored.push({ ...f, ignore: { reason: entry.reason, ...entry.expires ? { expires: entry.expires } : {} } });
    }
  }
  for (const e of live) {
    if (!used.has(e))
      warnings.push({
        path: source,
        message: `ignore of ${e.rule} ${e.symbol} matched no finding: remove it from ${source.split(" @ ")[0]} once it is no longer needed`,
        incomplete: false
      });
  }
  return { kept, ignored, warnings };
}
async function runCheck(opts) {
  const repo = GitRepo.open(opts.repo);
  try {
    if (opts.worktree && opts.head) throw new InputError("--head and --worktree cannot be used together");
    const headRev = opts.head ?? "HEAD";
    const headCommit = repo.resolve(headRev, "head revision");
    const baseRev = opts.base ?? repo.defaultBranch();
    const baseTip = repo.resolve(baseRev, "base revision");
    const mergeBase = repo.mergeBase(baseTip, headCommit);
    const { config, source } = loadConfig(
      opts.config ?? { kind: "repository", at: repo.workTree ? "worktree" : "revision" },
      repo,
      baseTip
    );
    const cache = new FactsCache();
    const headSnap = opts.worktree ? await repo.worktreeSnapshot(SURFACE_PREFIXES) : repo.snapshot(headCommit, SURFACE_PREFIXES);
    headSnap.label = opts.worktree ? "worktree" : headRev;
    const baseSnap = repo.snapshot(mergeBase, SURFACE_PREFIXES);
    baseSnap.label = mergeBase === baseTip ? baseRev : `merge-base(${baseRev}, ${headRev})`;
    const build = { sharedStructs: sharedStructList(config.sharedStructs) };
    const pool = opts.workers === 0 ? null : await FactsPool.forSnapshots(cache, [baseSnap, headSnap], { script: opts.workerScript });
    let base;
    let head;
    try {
      [base, head] = await Promise.all([buildSurface(baseSnap, cache, build), buildSurface(headSnap, cache, build)]);
    } finally {
      await pool?.close();
    }
    let tipVersions = null;
    if (baseTip !== mergeBase) {
      tipVersions = await readVersions(repo.snapshot(baseTip, Object.values(VERSION_FILES)));
    }
    const { findings, warnings: unjudged } = findingsOf(base, head, configuredRules(config.rules), config.modernProbe);
    const ig = applyIgnores(
      findings,
      config.ignore ?? [],
      opts.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
      source ?? "configuration"
    );
    const onIncomplete = opts.incomplete ?? config.incomplete ?? "fail";
    const result = judge(base, head, ig.kept, tipVersions, onIncomplete, unjudged);
    const pending = !opts.worktree && !opts.head ? uncommittedSurfaceChanges(repo) : [];
    const extra = [...ig.warnings];
    if (pending.length) {
      const shown2 = pending.slice(0, 5).join(", ") + (pending.length > 5 ? `, and ${pending.length - 5} more` : "");
      extra.push({
        path: pending[0],
        message: `uncommitted changes to the driver surface are not compared (${shown2}): commit them, or run with --worktree to include them`,
        incomplete: false
      });
    }
    return {
      reportVersion: 1,
      base: { rev: baseRev, commit: mergeBase },
      head: { rev: opts.worktree ? "worktree" : headRev, commit: opts.worktree ? null : headCommit },
      ...baseTip !== mergeBase ? { baseTip: { rev: baseRev, commit: baseTip } } : {},
      ...source ? { config: source } : {},
      ...result,
      warnings: [...result.warnings, ...extra],
      ignored: ig.ignored,
      onIncomplete
    };
  } finally {
    repo.close();
  }
}
function judge(base, head, findings, baseTip, incomplete, unjudged = []) {
  const versions = {
    api: versionVerdict({ governs: "api", base, head, findings, baseTipVersion: baseTip?.api?.version ?? null }),
    schema: versionVerdict({
      governs: "schema",
      base,
      head,
      findings,
      baseTipVersion: baseTip?.schema?.version ?? null
    })
  };
  const warnings = dedupe([...base.warnings, ...head.warnings, ...unjudged], (w) => w.message);
  return { versions, findings, warnings, verdict: overallVerdict(Object.values(versions), warnings, incomplete) };
}
function uncommittedSurfaceChanges(repo) {
  if (!repo.workTree) return [];
  const out2 = repo.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...SURFACE_PREFIXES], true) ?? "";
  return out2.split("\0").filter((rec) => rec.length > 3 && rec[2] === " ").map((rec) => rec.slice(3));
}
function sharedStructList(extra = []) {
  return [
    ...DEFAULT_SHARED_STRUCTS,
    ...extra.filter((n) => !DEFAULT_SHARED_STRUCTS.some((s) => s.name === n)).map((name2) => ({ name: name2, why: "listed in the configuration" }))
  ];
}
async function readSurface(repoDir, rev) {
  const repo = GitRepo.open(repoDir);
  try {
    return await buildSurface(repo.snapshot(rev, SURFACE_PREFIXES));
  } finally {
    repo.close();
  }
}

// src/history/assess.ts
function assessVersion(governs, base, head, findings) {
  const masked = { ...head, scapMinimum: { api: null, schema: null } };
  const v = versionVerdict({ governs, base, head: masked, findings });
  const headV = head.versions[governs]?.version;
  const baseV = base.versions[governs]?.version;
  if (!headV || !baseV) return v;
  const now = minimumProblems(governs, head, headV);
  if (!now.length || minimumProblems(governs, base, baseV).length) return v;
  return {
    ...v,
    status: "invalid",
    statuses: ["invalid", ...v.statuses.filter((s) => s !== "ok")],
    reasons: [...now, ...v.reasons]
  };
}

// src/source/history.ts
var HEADER = /^\n?\x01([0-9a-f]{40,64})((?: [0-9a-f]{40,64})*)\x02(\d+)\x02(.*)$/s;
var RAW = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])\d*$/;
var NULL_OID = /^0+$/;
function firstParentChanges(repo, from, to, prefixes) {
  const out2 = repo.run([
    "log",
    "-z",
    "--first-parent",
    "--diff-merges=first-parent",
    "--sparse",
    "--full-history",
    "--reverse",
    "--raw",
    "--no-renames",
    "--no-abbrev",
    "--no-color",
    "--format=%x01%H %P%x02%ct%x02%s",
    `${from}..${to}`,
    "--",
    ...prefixes
  ]);
  const commits = [];
  const tokens2 = out2.split("\0");
  for (let i2 = 0; i2 < tokens2.length; i2++) {
    const tok = tokens2[i2];
    if (tok === "" || tok === "\n") continue;
    const raw = RAW.exec(tok);
    const current = commits[commits.length - 1];
    if (raw && current) {
      const p = tokens2[++i2] ?? "";
      const [, , newMode, , newBlob] = raw;
      const isFile = !NULL_OID.test(newBlob) && newMode !== SUBMODULE_MODE;
      current.changes.push({ path: p, blob: isFile ? newBlob : null });
      continue;
    }
    const h = HEADER.exec(tok);
    if (!h) throw new Error(`unexpected git log output near '${tok.slice(0, 60)}'`);
    commits.push({
      commit: h[1],
      parents: h[2].trim() ? h[2].trim().split(" ") : [],
      date: Number(h[3]),
      subject: h[4],
      changes: []
    });
  }
  return commits;
}
function listTags(repo) {
  const out2 = repo.run(["for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)", "refs/tags"]);
  return out2.split("\n").filter(Boolean).map((line) => {
    const [name2, obj, peeled] = line.split("\0");
    return { name: name2, target: peeled || obj };
  });
}
function tagsMergedInto(repo, commit, pattern) {
  return repo.run(["tag", "--list", "--merged", commit, pattern]).split("\n").filter(Boolean);
}
function isAncestor(repo, ancestor, descendant) {
  return repo.run(["merge-base", "--is-ancestor", ancestor, descendant], true) !== null;
}

// src/history/tags.ts
var import_semver2 = __toESM(require_semver2(), 1);
var DRIVER_TAG = /^(\d+\.\d+\.\d+)(?:-((?:rc|alpha|beta)\d*))?\+driver$/;
var DRIVER_TAG_FORM = "X.Y.Z+driver, X.Y.Z-rcN+driver or X.Y.Z-alphaN+driver";
function parseDriverTag(name2) {
  const m = DRIVER_TAG.exec(name2);
  if (!m) return null;
  const version = import_semver2.default.valid(m[2] ? `${m[1]}-${m[2]}` : m[1]);
  if (!version) return null;
  return {
    name: name2,
    version,
    core: `${import_semver2.default.major(version)}.${import_semver2.default.minor(version)}.${import_semver2.default.patch(version)}`,
    prerelease: Boolean(m[2])
  };
}
function compareTags(a, b) {
  return import_semver2.default.compare(a.version, b.version);
}
function previousTag(tag, all) {
  return highest(all.filter((t) => compareTags(t, tag) < 0));
}
function previousLine(tag, all) {
  return highest(all.filter((t) => import_semver2.default.lt(t.core, tag.core)));
}
function highest(tags) {
  return tags.reduce((best, t) => !best || compareTags(t, best) > 0 ? t : best, null);
}

// src/history/audit.ts
var STATUS_SEVERITY = [
  "invalid",
  "decreased",
  "wrong-file",
  "missing",
  "too-small",
  "not-one-step",
  "too-large",
  "unexplained",
  "late",
  "catch-up",
  "incomplete",
  "ok"
];
var FAILING = /* @__PURE__ */ new Set([...FAILING_STATUSES, "wrong-file"]);
function groupCommits(commits, by) {
  const groups = [];
  for (const c of commits) {
    const last = groups[groups.length - 1];
    if (by === "committer-date" && last && last[last.length - 1].date === c.date) last.push(c);
    else groups.push([c]);
  }
  return groups;
}
function lastDriverTag(repo, commit, rev) {
  const tags = tagsMergedInto(repo, commit, "*+driver").map(parseDriverTag).filter((t) => t !== null).sort(compareTags).reverse();
  for (const t of tags) if (repo.resolve(`refs/tags/${t.name}`, "tag") !== commit) return t.name;
  throw new InputError(`--from is needed: no *+driver tag is in the history of ${rev}`);
}
function versionKey(v) {
  return v ? v.version ?? `raw:${v.raw}` : "missing";
}
function isoDate(seconds) {
  return new Date(seconds * 1e3).toISOString().replace(".000Z", "Z");
}
async function runAudit(opts) {
  const grouping = opts.group ?? "committer-date";
  const repo = GitRepo.open(opts.repo);
  try {
    const toRev = opts.to ?? "HEAD";
    const toCommit = repo.resolve(toRev, "--to revision");
    const fromRev = opts.from ?? lastDriverTag(repo, toCommit, toRev);
    const fromCommit = repo.resolve(fromRev, "--from revision");
    if (!isAncestor(repo, fromCommit, toCommit)) {
      throw new InputError(
        `--from ${fromRev} is not an ancestor of --to ${toRev}: the audit walks the first-parent history from one to the other`
      );
    }
    const log = firstParentChanges(repo, fromCommit, toCommit, SURFACE_PREFIXES);
    const start2 = log[0]?.parents[0] ?? fromCommit;
    const chunks = groupCommits(log, grouping);
    const tree = repo.listFiles(start2, SURFACE_PREFIXES);
    const plan = planWalk(tree, chunks);
    const cache = new FactsCache();
    const pool = opts.workers === 0 ? null : FactsPool.start(
      cache,
      (b) => repo.readBlob(b),
      (b) => repo.blobSize(b),
      { script: opts.workerScript, count: opts.workers }
    );
    try {
      if (pool) {
        for (const f of plan.prefetch)
          for (const kind2 of fileKinds(f.path))
            if (f.at < 0 && kind2 !== "code") pool.prefetch(f.path, f.blob, kind2, 0n, f.at);
      }
      const kernels = kernelRanges((await readDeclarations(snapshotOf(repo, tree, start2), cache, [])).values());
      if (pool)
        for (const f of plan.prefetch)
          for (const kind2 of fileKinds(f.path))
            pool.prefetch(f.path, f.blob, kind2, kind2 === "code" ? codeKernel(f.path, kernels) : 0n, f.at);
      const reached = (i2) => pool?.reached(i2);
      const walked = await walk2({
        repo,
        opts,
        start: start2,
        toCommit,
        chunks,
        tree,
        rebuild: plan.rebuild,
        retire: plan.retire,
        cache,
        reached
      });
      return {
        reportVersion: 1,
        command: "audit",
        from: { rev: fromRev, commit: fromCommit },
        to: { rev: toRev, commit: toCommit },
        start: start2,
        grouping,
        summary: {
          ...summarize(log.length, walked.groups, walked.windows, cache.extracted),
          workers: pool?.size ?? 0,
          parsedInWorkers: pool?.extracted ?? 0
        },
        ...walked,
        verdict: walked.groups.some((g) => FAILING.has(g.status)) ? "fail" : walked.groups.some((g) => g.status !== "ok") ? "warn" : "pass"
      };
    } finally {
      await pool?.close();
    }
  } finally {
    repo.close();
  }
}
async function walk2({
  repo,
  opts,
  start: start2,
  toCommit,
  chunks,
  tree,
  rebuild: rebuild2,
  retire,
  cache,
  reached
}) {
  const buildOpts = { sharedStructs: sharedStructList(opts.sharedStructs) };
  const build = (commit) => buildSurface(snapshotOf(repo, tree, commit), cache, buildOpts);
  const cmpOpts = { rules: opts.rules, modernProbe: opts.modernProbe };
  const forget = (i2) => {
    for (const b of retire.get(i2) ?? []) cache.forget(b);
  };
  let current = await build(start2);
  forget(-1);
  const groups = [];
  const windows = [];
  const open = {
    api: { surface: current, group: null, commit: start2, changedBy: [] },
    schema: { surface: current, group: null, commit: start2, changedBy: [] }
  };
  const allWarnings = [...current.warnings];
  for (const [i2, chunk] of chunks.entries()) {
    const index = i2 + 1;
    const last = chunk[chunk.length - 1];
    const touched = applyChanges(tree, chunk);
    const group = {
      index,
      date: isoDate(last.date),
      commits: chunk.map((c) => ({ commit: c.commit, subject: c.subject })),
      base: chunk[0].parents[0] ?? start2,
      head: last.commit,
      touched,
      versions: { api: unchanged("api", current), schema: unchanged("schema", current) },
      findings: [],
      warnings: [],
      status: "ok"
    };
    if (rebuild2[i2]) {
      reached(i2);
      const head = await build(last.commit);
      forget(i2);
      const cmp = compareSurfaces(current, head, cmpOpts);
      group.findings = cmp.findings;
      for (const g of GOVERNS) group.versions[g] = fromVerdict(assessVersion(g, current, head, cmp.findings));
      const mine = new Set(touched);
      group.warnings = head.warnings.filter((w) => mine.has(w.path));
      allWarnings.push(...group.warnings);
      for (const g of GOVERNS) {
        const w = open[g];
        if (cmp.findings.some((f) => f.governs === g && f.kind === "change")) w.changedBy.push(index);
        if (versionKey(head.versions[g]) === versionKey(current.versions[g])) continue;
        windows.push(closeWindow(g, w, head, { group: index, commit: last.commit }, cmpOpts, false));
        open[g] = { surface: head, group: index, commit: last.commit, changedBy: [] };
      }
      current = head;
    }
    groups.push(group);
    opts.onProgress?.(index, chunks.length);
  }
  const lastGroup = groups[groups.length - 1];
  for (const g of GOVERNS) {
    const w = open[g];
    if (lastGroup && w.group !== lastGroup.index)
      windows.push(closeWindow(g, w, current, { group: null, commit: toCommit }, cmpOpts, true));
  }
  windows.sort(
    (a, b) => (a.to.group ?? Infinity) - (b.to.group ?? Infinity) || GOVERNS.indexOf(a.governs) - GOVERNS.indexOf(b.governs)
  );
  for (const group of groups) markWrongFile(group);
  for (const g of GOVERNS) settle(groups, g);
  for (const group of groups) group.status = groupStatus(group);
  return { groups, windows, warnings: dedupe(allWarnings, (w) => w.message) };
}
function planWalk(start2, chunks) {
  const tree = new Map(start2);
  const seen = /* @__PURE__ */ new Set();
  const prefetch = [];
  const want = (e, at) => {
    if (fileKind(e.path) !== null && !seen.has(e.blob)) {
      seen.add(e.blob);
      prefetch.push({ ...e, at });
    }
  };
  const holders = /* @__PURE__ */ new Map();
  const lastRead = /* @__PURE__ */ new Map();
  let lastRebuild = -1;
  const count = (e, by) => {
    if (!e || fileKind(e.path) === null) return;
    const n = (holders.get(e.blob) ?? 0) + by;
    if (n > 0) {
      holders.set(e.blob, n);
      lastRead.delete(e.blob);
    } else {
      holders.delete(e.blob);
      lastRead.set(e.blob, lastRebuild);
    }
  };
  for (const e of tree.values()) {
    want(e, -1);
    count(e, 1);
  }
  const rebuild2 = chunks.map((chunk, i2) => {
    const before = treeTraits(tree.keys());
    const paths = new Set(chunk.flatMap((c) => c.changes.map((ch) => ch.path)));
    for (const p of paths) count(tree.get(p), -1);
    const touched = applyChanges(tree, chunk);
    for (const p of paths) count(tree.get(p), 1);
    const yes = touched.length > 0 || treeTraits(tree.keys()) !== before;
    if (yes) {
      for (const p of touched) if (tree.has(p)) want(tree.get(p), i2);
      lastRebuild = i2;
    }
    return yes;
  });
  const retire = /* @__PURE__ */ new Map();
  for (const [blob, i2] of lastRead) retire.set(i2, [...retire.get(i2) ?? [], blob]);
  return { rebuild: rebuild2, prefetch, retire };
}
function applyChanges(tree, chunk) {
  const touched = /* @__PURE__ */ new Set();
  for (const c of chunk) {
    for (const ch of c.changes) {
      if (ch.blob) tree.set(ch.path, { path: ch.path, blob: ch.blob });
      else tree.delete(ch.path);
      if (isSurfacePath(ch.path)) touched.add(ch.path);
    }
  }
  return [...touched].sort();
}
function snapshotOf(repo, tree, commit) {
  return repo.snapshotOf(commit.slice(0, 12), commit, new Map(tree));
}
function unchanged(governs, s) {
  const v = s.versions[governs]?.version ?? null;
  return {
    file: VERSION_FILES[governs],
    base: v,
    head: v,
    declared: "none",
    required: "none",
    status: "ok",
    reasons: []
  };
}
function fromVerdict(v) {
  return {
    file: v.file,
    base: v.base,
    head: v.head,
    declared: v.declared,
    required: v.required,
    status: v.status,
    reasons: [...v.reasons]
  };
}
function closeWindow(governs, w, end, to, cmpOpts, open) {
  const cmp = w.surface === end ? null : compareSurfaces(w.surface, end, cmpOpts);
  const findings = cmp ? cmp.findings.filter((f) => f.governs === governs) : [];
  const v = assessVersion(governs, w.surface, end, findings);
  return {
    governs,
    file: v.file,
    from: { group: w.group, commit: w.commit, version: w.surface.versions[governs]?.version ?? null },
    to: { ...to, version: end.versions[governs]?.version ?? null },
    open,
    changedBy: w.changedBy,
    declared: v.declared,
    required: v.required,
    status: v.status,
    reasons: v.reasons,
    findings
  };
}
function settle(groups, g) {
  let debts = [];
  for (const group of groups) {
    const v = group.versions[g];
    if (v.base === v.head) {
      if (v.status === "missing" || v.status === "too-small" || v.status === "wrong-file" && v.required !== "none")
        debts.push(group);
      continue;
    }
    const paid = v.declared === "none" ? [] : debts.filter((d) => bumpAtLeast(v.declared, d.versions[g].required));
    debts = [];
    if (!paid.length) continue;
    v.settles = paid.map((d) => d.index);
    if (v.status === "unexplained" || v.status === "too-large") v.status = "catch-up";
    v.reasons.push(
      `this ${v.declared} bump also covers the ${VERSION_LABEL[g]} changes of group${paid.length > 1 ? "s" : ""} ${paid.map((d) => `#${d.index}`).join(", ")}, which did not bump it`
    );
    for (const d of paid) {
      const dv = d.versions[g];
      if (dv.status !== "wrong-file") dv.status = "late";
      dv.settledBy = group.index;
      dv.reasons.push(
        `the next bump, ${v.base} \u2192 ${v.head} in group #${group.index} (${group.head.slice(0, 12)}), covers it`
      );
    }
  }
}
function markWrongFile(group) {
  for (const [a, b] of [
    ["api", "schema"],
    ["schema", "api"]
  ]) {
    const need = group.versions[a];
    const extra = group.versions[b];
    if ((need.status === "missing" || need.status === "too-small") && (extra.status === "unexplained" || extra.status === "too-large")) {
      const why = `the changes need a ${need.required} bump of ${VERSION_LABEL[a]}, and ${VERSION_LABEL[b]} was bumped (${extra.declared}) instead`;
      need.status = "wrong-file";
      extra.status = "wrong-file";
      need.reasons.push(why);
      extra.reasons.push(why);
    }
  }
}
function groupStatus(group) {
  const statuses = /* @__PURE__ */ new Set([group.versions.api.status, group.versions.schema.status]);
  if (group.warnings.some((w) => w.incomplete)) statuses.add("incomplete");
  return STATUS_SEVERITY.find((s) => statuses.has(s)) ?? "ok";
}
function summarize(commits, groups, windows, blobsParsed) {
  const byStatus = {};
  for (const g of groups) byStatus[g.status] = (byStatus[g.status] ?? 0) + 1;
  const win = { api: {}, schema: {} };
  for (const w of windows) win[w.governs][w.status] = (win[w.governs][w.status] ?? 0) + 1;
  return {
    commits,
    groups: groups.length,
    surfaceGroups: groups.filter((g) => g.touched.length).length,
    flagged: groups.filter((g) => g.status !== "ok").length,
    byStatus,
    windows: win,
    blobsParsed
  };
}

// src/history/release.ts
var import_semver3 = __toESM(require_semver2(), 1);
function driverTag(option, name2) {
  const t = parseDriverTag(name2);
  if (!t) throw new InputError(`${option} ${name2}: not a driver tag (expected ${DRIVER_TAG_FORM})`);
  return t;
}
async function runRelease(opts) {
  const tag = driverTag("--tag", opts.tag);
  const wanted = opts.previous !== void 0 ? driverTag("--previous", opts.previous) : void 0;
  const repo = GitRepo.open(opts.repo);
  try {
    const refs = new Map(listTags(repo).map((r) => [r.name, r.target]));
    const commitOf = (option, t) => {
      if (!refs.has(t.name))
        throw new InputError(`${option} ${t.name}: no such tag in ${repo.dir} (run 'git fetch --tags')`);
      return repo.resolve(`refs/tags/${t.name}`, `${option} ${t.name}`);
    };
    const tagCommit = commitOf("--tag", tag);
    const all = [...refs.keys()].map(parseDriverTag).filter((t) => t !== null);
    let prev;
    if (wanted) {
      commitOf("--previous", wanted);
      if (compareTags(wanted, tag) >= 0)
        throw new InputError(`--previous ${wanted.name} is not below --tag ${tag.name} by semver precedence`);
      prev = wanted;
    } else {
      prev = previousTag(tag, all);
    }
    const prevCommit = prev ? commitOf("--previous", prev) : null;
    const cache = new FactsCache();
    const buildOpts = { sharedStructs: sharedStructList(opts.sharedStructs) };
    const surfaceAt = async (t, commit, option) => {
      const snap = repo.snapshot(commit, SURFACE_PREFIXES);
      snap.label = t.name;
      const s = await buildSurface(snap, cache, buildOpts);
      for (const g of GOVERNS) {
        const v = s.versions[g];
        if (!v?.version) {
          throw new InputError(
            `${option} ${t.name}: ${VERSION_FILES[g]} ${v ? `has '${v.raw}', not a MAJOR.MINOR.PATCH version` : "is missing"} at that tag`
          );
        }
      }
      return s;
    };
    const head = await surfaceAt(tag, tagCommit, "--tag");
    const base = prev && prevCommit ? await surfaceAt(prev, prevCommit, "--previous") : null;
    const countsFrom = prev && prev.core === tag.core ? previousLine(tag, all) : prev;
    const countsFromSurface = countsFrom === prev ? base : countsFrom ? await surfaceAt(countsFrom, commitOf("--previous", countsFrom), "release line") : null;
    const problems = [];
    const driverVersion2 = numberRule(tag, prev, countsFrom, countsFromSurface, head);
    if (driverVersion2.status === "wrong") problems.push(driverVersion2.reason);
    const cmp = base ? compareSurfaces(base, head, { rules: opts.rules, modernProbe: opts.modernProbe }) : null;
    const findings = cmp?.findings ?? [];
    const versions = {};
    const minimums = {};
    for (const g of GOVERNS) {
      versions[g] = coverage(g, base, head, findings, prev);
      if (versions[g].status !== "ok") problems.push(...versions[g].reasons);
      const min2 = head.scapMinimum[g];
      const mp = minimumProblems(g, head, head.versions[g].version);
      minimums[g] = min2 ? { macro: min2.macro, version: min2.version, problems: mp } : null;
      problems.push(...mp);
    }
    return {
      reportVersion: 1,
      command: "release",
      tag: { name: tag.name, version: tag.version, commit: tagCommit },
      previous: prev && prevCommit ? {
        name: prev.name,
        version: prev.version,
        commit: prevCommit,
        ancestor: isAncestor(repo, prevCommit, tagCommit)
      } : null,
      driverVersion: driverVersion2,
      versions,
      minimums,
      findings,
      warnings: cmp?.warnings ?? head.warnings,
      problems,
      verdict: problems.length ? "refused" : "accepted"
    };
  } finally {
    repo.close();
  }
}
function numberRule(tag, prev, countsFrom, from, head) {
  const keep = prev && prev.core === tag.core ? `${tag.name} keeps the number of its pre-release ${prev.name}; ` : "";
  if (!countsFrom || !from) {
    const ok2 = tag.core === "1.0.0";
    return {
      countsFrom: null,
      bump: null,
      expected: "1.0.0",
      actual: tag.core,
      status: ok2 ? "ok" : "wrong",
      reason: `${keep}no earlier release line: the driver number starts at 1.0.0${ok2 ? "" : `, not ${tag.core}`}`
    };
  }
  const steps = GOVERNS.map((g) => ({
    g,
    from: from.versions[g].version,
    to: head.versions[g].version,
    step: bumpBetween(from.versions[g].version, head.versions[g].version)
  }));
  const base = { countsFrom: { name: countsFrom.name, version: countsFrom.version }, actual: tag.core };
  const down = steps.find((s) => s.step === "decreased");
  if (down) {
    return {
      ...base,
      bump: null,
      expected: null,
      status: "wrong",
      reason: `${keep}${VERSION_LABEL[down.g]} went down since ${countsFrom.name} (${down.from} \u2192 ${down.to}): no driver number can follow`
    };
  }
  const bump = steps.reduce((acc, s) => maxBump(acc, s.step), "none");
  const kind2 = bump === "none" ? "patch" : bump;
  const expected = import_semver3.default.inc(countsFrom.core, kind2);
  const grew = steps.filter((s) => s.step === bump && bump !== "none").map((s) => `${VERSION_LABEL[s.g]}'s ${bump} grew (${s.from} \u2192 ${s.to})`);
  const why = grew.length ? `${grew.join(" and ")} since ${countsFrom.name}` : `neither API_VERSION's nor SCHEMA_VERSION's major or minor grew since ${countsFrom.name}${steps.some((s) => s.step === "patch") ? " (only a patch)" : ""}`;
  const ok = tag.core === expected;
  return {
    ...base,
    bump: kind2,
    expected,
    status: ok ? "ok" : "wrong",
    reason: `${keep}${why}: the driver number takes a ${kind2} step, ${countsFrom.core} \u2192 ${expected}${ok ? "" : `, but the tag says ${tag.core}`}`
  };
}
function coverage(g, base, head, findings, prev) {
  const file = VERSION_FILES[g];
  const tagV = head.versions[g].version;
  if (!base || !prev)
    return {
      file,
      previous: null,
      tag: tagV,
      declared: "none",
      required: "none",
      status: "ok",
      reasons: ["first driver tag: nothing to compare with"]
    };
  const prevV = base.versions[g].version;
  const mine = findings.filter((f) => f.governs === g);
  const required = mine.filter((f) => f.kind === "change").reduce((acc, f) => maxBump(acc, f.bump), "none");
  const declared = bumpBetween(prevV, tagV);
  const result = (status, reasons) => ({
    file,
    previous: prevV,
    tag: tagV,
    declared,
    required,
    status,
    reasons
  });
  const invalid = mine.filter((f) => f.kind === "invalid").map((f) => `${f.message} (${f.rule})`);
  if (invalid.length) return result("invalid", invalid);
  if (declared === "decreased")
    return result("decreased", [`${VERSION_LABEL[g]} went down from ${prevV} at ${prev.name} to ${tagV}`]);
  if (!bumpAtLeast(declared, required)) {
    return result("too-small", [
      `the changes since ${prev.name} need a ${required} bump of ${VERSION_LABEL[g]}; ${prevV} \u2192 ${tagV} is ${declared === "none" ? "no bump" : `only ${declared}`}`
    ]);
  }
  return result("ok", []);
}

// src/history/compat.ts
var import_semver4 = __toESM(require_semver2(), 1);
function acceptDriver(driver, required) {
  const d = import_semver4.default.parse(driver);
  const r = import_semver4.default.parse(required);
  if (d.major !== r.major) {
    return {
      accepted: false,
      reason: `major ${d.major} is not the required major ${r.major} (libscap accepts only an equal major)`
    };
  }
  if (d.minor < r.minor) return { accepted: false, reason: `minor ${d.minor} is below the required minor ${r.minor}` };
  if (d.minor > r.minor) {
    return {
      accepted: true,
      reason: `same major ${d.major}, and minor ${d.minor} is above the required ${r.minor} (the patch is not compared then)`
    };
  }
  if (d.patch < r.patch)
    return {
      accepted: false,
      reason: `at the required minor ${r.minor}, patch ${d.patch} is below the required patch ${r.patch}`
    };
  return {
    accepted: true,
    reason: d.patch === r.patch ? `exactly the required version` : `same major ${d.major} and minor ${d.minor}, and patch ${d.patch} is at least the required ${r.patch}`
  };
}
function driverVersion(option, v) {
  if (!/^\d+\.\d+\.\d+$/.test(v) || !import_semver4.default.valid(v))
    throw new InputError(`${option} '${v}': expected a MAJOR.MINOR.PATCH version such as 10.0.0`);
  return v;
}
async function runCompat(opts) {
  const versions = {
    api: driverVersion("--driver-api", opts.api),
    schema: driverVersion("--driver-schema", opts.schema)
  };
  const repo = GitRepo.open(opts.repo);
  try {
    const rev = opts.rev ?? "HEAD";
    const commit = repo.resolve(rev, "--rev");
    const cache = new FactsCache();
    const read2 = async (prefixes) => {
      const snap = repo.snapshot(commit, prefixes);
      snap.label = rev;
      return buildSurface(snap, cache);
    };
    let s = await read2([SCAP_HEADER]);
    if (GOVERNS.some((g) => s.scapMinimum[g] && !s.scapMinimum[g].version)) s = await read2(SURFACE_PREFIXES);
    const checks = {};
    for (const g of GOVERNS) {
      const min2 = requireMinimum(s.scapMinimum[g], g, rev);
      checks[g] = {
        driver: versions[g],
        required: min2.version,
        macro: min2.macro,
        location: min2.loc,
        ...acceptDriver(versions[g], min2.version)
      };
    }
    return {
      reportVersion: 1,
      command: "compat",
      rev: { rev, commit },
      checks,
      verdict: checks.api.accepted && checks.schema.accepted ? "accepted" : "refused"
    };
  } finally {
    repo.close();
  }
}
function requireMinimum(min2, g, rev) {
  if (!min2)
    throw new InputError(
      `--rev ${rev}: ${SCAP_HEADER} defines no SCAP_MINIMUM_DRIVER_${VERSION_KIND[g]}_VERSION there`
    );
  if (!min2.version)
    throw new InputError(
      `--rev ${rev}: ${min2.macro} (${min2.loc.path}:${min2.loc.line}) is not a PPM_API_VERSION(major, minor, patch) that can be read: '${min2.expr}'`
    );
  return min2;
}
export {
  FactsCache,
  GitRepo,
  SURFACE_PREFIXES,
  buildSurface,
  compareSurfaces,
  readSurface,
  runAudit,
  runCheck,
  runCompat,
  runRelease
};
