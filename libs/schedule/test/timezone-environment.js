// A Node test environment that runs a test file in the time zone its docblock asks for:
//   /** @jest-environment-options {"timezone": "Pacific/Kiritimati"} */
// Node applies a change of process.env.TZ at once; this runs outside the test's sandbox, so the
// change reaches the real process of the worker.
const { TestEnvironment } = require('jest-environment-node');

class TimezoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const zone = config.projectConfig.testEnvironmentOptions?.timezone ?? 'UTC';
    process.env.TZ = zone;
    this.global.process.env.TZ = zone;
  }
}

module.exports = TimezoneEnvironment;
