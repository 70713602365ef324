/**
 * The page: a form, a progress bar and the output. The run itself is in worker.js, so the
 * page stays responsive however many replicates are asked for. The finished result is also
 * kept in `window.__forlobResult` (the JSON view, as `resultToJSON` gives it) for scripts
 * and tests to read.
 */
import { presets } from 'forlob';

const $ = (id) => document.getElementById(id);
const form = $('run');
const select = $('preset');
const progress = $('progress');
const status = $('status');

for (const p of Object.values(presets)) {
  const option = new Option(p.id, p.id, p.id === 'randers-2025', p.id === 'randers-2025');
  option.title = p.summary;
  select.append(option);
}
const describe = () => {
  $('summary').textContent = presets[select.value]?.summary ?? '';
};
select.addEventListener('change', describe);

// Query parameters fill the form (`?preset=…&replicates=…&seed=…`), so a run can be linked to.
const query = new URLSearchParams(location.search);
for (const name of ['preset', 'replicates', 'seed']) if (query.has(name)) form.elements[name].value = query.get(name);
describe();

let worker;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  worker?.terminate(); // a new run replaces one still going
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const replicates = Number(form.elements.replicates.value);
  const seed = form.elements.seed.value;
  window.__forlobResult = undefined;
  document.body.dataset.state = 'running';
  progress.value = 0;
  progress.max = replicates;
  status.className = '';
  status.textContent = `0 of ${replicates} replicates`;
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') {
      progress.max = data.total;
      progress.value = data.done;
      status.textContent = `${data.done} of ${data.total} replicates`;
    } else if (data.type === 'result') {
      show(data);
      worker.terminate();
    } else {
      fail(data.message);
      worker.terminate();
    }
  };
  worker.onerror = (e) => fail(e.message || 'the worker failed to start');
  worker.postMessage({ preset: select.value, replicates, seed });
});

function show({ json, table, svg, seconds }) {
  $('table').textContent = table;
  // The SVG is drawn by forlob/plot from the run's own numbers; it carries no script.
  $('plot').innerHTML = svg;
  const link = $('download');
  URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  $('output').hidden = false;
  status.textContent = `${json.replicates} replicates of ${json.model} (seed "${json.seed}") in ${seconds.toFixed(1)} s`;
  window.__forlobResult = json;
  document.body.dataset.state = 'done';
}

function fail(message) {
  status.className = 'error';
  status.textContent = message;
  document.body.dataset.state = 'error';
}

if (query.has('run')) form.requestSubmit();
