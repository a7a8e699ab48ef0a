import { HOSTILE_CONTENTS, LONG_CONTENT } from "./support/hostile-spec.js";
import { hostileSuite } from "./support/hostile-suite.js";

// The hostile suite for the content that is also a limit: 100 KB of every breakout in every position.
hostileSuite([[LONG_CONTENT, HOSTILE_CONTENTS[LONG_CONTENT]!]]);
