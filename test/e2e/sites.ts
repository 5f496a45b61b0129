/** Ports of the sites the browser tests run against; `RESPONDER_TEST_PORT` keeps parallel runs apart. */
export const port = Number(process.env.RESPONDER_TEST_PORT ?? 4329);

/** A second site built from small fixture playbooks (`test/fixtures/templates`), for the template tests. */
export const fixturePort = port + 100;
