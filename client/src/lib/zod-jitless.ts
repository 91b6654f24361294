import { config } from "zod";

// zod probes for `new Function` the first time it checks an object; under the strict CSP
// (docs/decisions/0002-content-security-policy.md) the probe fails as it should, but the
// browser still reports a CSP violation on every page. Without the probe zod checks the same
// way, only without its compiled fast path, which bodies this small do not need.
config({ jitless: true });
