/**
 * What the examples import as `forlob/node`, gathered from the sources: the Node simulate
 * (worker threads), model loading and the HTML report.
 */
export { simulate, loadModel } from '../src/node.js';
export { renderReport } from '../src/report/html.js';
