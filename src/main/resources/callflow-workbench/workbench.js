// The workbench: every read and write goes through the service's public API under /conference/v2,
// signed in with HTTP Basic as a configured user. The server enforces roles and four-eyes; the
// page shows what it answers.
(function () {
  'use strict';

  const API = '/conference/v2';
  const state = {
    authorization: null,
    user: null,
    base: null,       // the release a draft is made from
    files: {},        // that release's files
    edited: {},       // path -> text changed in this draft (null: deleted)
    open: null,       // the path in the editor
    messages: [],     // the last draft's messages, parsed
    editor: null
  };

  const TEMPLATES = {
    flow: name => ['call-flows/' + name + '.yaml',
      'description: A variant of secured with five attempts at the access code.\n' +
      'entry: prompt\n' +
      'unknown_code: refuse\n' +
      'properties:\n' +
      '  accesscode_max_attempts: "5"\n'],
    scenario: name => ['scenarios/' + name + '.yaml',
      'name: "' + name + ' - a caller of a secured number is asked for the access code"\n' +
      'hierarchy:\n' +
      '  accounts:\n' +
      '    - name: acme\n' +
      '      call_flow: secured\n' +
      '  dids:\n' +
      '    - number: "15550001000"\n' +
      '      account: acme\n' +
      'steps:\n' +
      '- call: alice\n' +
      '  arrives: "15550001000"\n' +
      '  expect: {action: PROMPT_ACCESS_CODE}\n'],
    behaviour: name => ['flows/' + name + '.drl',
      '// Behaviour "' + name + '": a flow whose definition says behaviour: ' + name + '\n' +
      'package callflow;\n\n' +
      'import com.callflowrules.facts.*;\n\n' +
      'rule "' + name + ': callers join the number\'s room as participants"\n' +
      '    ruleflow-group "placement"\n' +
      'when\n' +
      '    SelectedFlow(behaviour == "' + name + '")\n' +
      '    CallArrived()\n' +
      '    $did : Did()\n' +
      'then\n' +
      '    insert(Placement.implicitRoom($did, Role.PARTICIPANT));\n' +
      'end\n']
  };

  const $ = id => document.getElementById(id);

  function status(text) {
    $('status').textContent = text;
  }

  async function api(method, path, body) {
    const headers = {
      'Authorization': state.authorization,
      'Accept': 'application/json',
      'X-Requested-With': 'XMLHttpRequest'
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(API + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(json && json.message ? json.message : response.status + ' ' + response.statusText);
      error.status = response.status;
      error.body = json;
      throw error;
    }
    return json;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function fill(tableId, rows, columns) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    rows.forEach(item => {
      const row = document.createElement('tr');
      columns(item).forEach(value => {
        if (value instanceof Node) {
          const td = document.createElement('td');
          td.appendChild(value);
          row.appendChild(td);
        } else {
          cell(row, value);
        }
      });
      body.appendChild(row);
    });
  }

  function button(text, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  function scenariosText(s) {
    if (!s || s.passed == null || (s.passed === 0 && s.failed === 0)) {
      return 'none ran';
    }
    return s.passed + ' passed, ' + s.failed + ' failed';
  }

  /** "file:line: reason" as the product writes it; line 0 means the file as a whole. */
  function parseMessage(text) {
    const m = /^(.*?):(\d+): ([\s\S]*)$/.exec(text);
    if (m) {
      return {file: m[1], line: Number(m[2]), reason: m[3]};
    }
    const f = /^(.*?): ([\s\S]*)$/.exec(text);
    return f ? {file: f[1], line: 0, reason: f[2]} : {file: '', line: 0, reason: text};
  }

  // ---- pages

  const PAGES = ['login', 'releases', 'edit', 'try', 'scenarios', 'review', 'calls'];

  async function show(page) {
    if (!state.authorization) {
      page = 'login';
    }
    PAGES.forEach(p => { $('page-' + p).hidden = p !== page; });
    $('nav').hidden = !state.authorization;
    try {
      if (page === 'releases') {
        await showReleases();
      } else if (page === 'edit') {
        await showEdit();
      } else if (page === 'review') {
        await showReview();
      } else if (page === 'try') {
        await showTry();
      } else if (page === 'scenarios') {
        await releaseOptions($('scenarios-version'));
      }
    } catch (e) {
      status(e.message);
    }
  }

  async function showReleases() {
    const rules = await api('GET', '/rules');
    fill('nodes', rules.nodes, n => [n.node_id, n.version, n.since, n.failed_version
      ? n.failed_version + ': ' + n.failure : '']);
    const page = await api('GET', '/rule_releases?limit=100');
    fill('releases', page.items, r => [r.version, r.state, r.author, r.message, r.created_at,
      scenariosText(r.scenarios), button('History', () => showHistory(r.version))]);
    status('Release ' + rules.published + ' is published; this node runs ' + rules.version + '.');
  }

  async function showHistory(version) {
    const steps = await api('GET', '/rule_releases/' + version + '/history');
    $('history-title').textContent = 'History of ' + version;
    fill('history', steps, s => [s.from || '', s.to, s.actor, s.at, s.note || '']);
    $('history-box').hidden = false;
  }

  function editor() {
    if (!state.editor) {
      state.editor = CodeMirror($('editor-host'), {
        lineNumbers: true,
        gutters: ['CodeMirror-lint-markers'],
        lint: {getAnnotations: annotations, lintOnChange: false},
        extraKeys: {Tab: false, 'Shift-Tab': false}
      });
      state.editor.getInputField().setAttribute('aria-label', 'File text');
      state.editor.on('change', () => {
        if (state.open != null) {
          const text = state.editor.getValue();
          if (text === state.files[state.open]) {
            delete state.edited[state.open];
          } else {
            state.edited[state.open] = text;
          }
          showChanged();
        }
      });
    }
    return state.editor;
  }

  function annotations() {
    return state.messages
      .filter(m => m.file === state.open)
      .map(m => {
        const line = Math.max(0, m.line - 1);
        return {
          from: CodeMirror.Pos(line, 0),
          to: CodeMirror.Pos(line, 1000),
          message: m.reason,
          severity: 'error'
        };
      });
  }

  function showChanged() {
    const changed = Object.keys(state.edited);
    $('edit-changed').textContent = changed.length ? changed.join(', ') : 'none';
  }

  async function showEdit() {
    if (!state.base) {
      const rules = await api('GET', '/rules');
      await startDraft(rules.published);
    }
    editor().refresh();
  }

  async function startDraft(version) {
    const release = await api('GET', '/rule_releases/' + version);
    state.base = version;
    state.files = release.files;
    state.edited = {};
    state.messages = [];
    $('edit-base').textContent = version;
    showChanged();
    showFiles();
    showMessages();
  }

  function paths() {
    const all = new Set(Object.keys(state.files));
    Object.keys(state.edited).forEach(p => all.add(p));
    return Array.from(all).sort();
  }

  function showFiles() {
    const list = $('files');
    list.replaceChildren();
    paths().forEach(path => {
      const item = document.createElement('li');
      const b = button(path, () => openFile(path));
      b.className = 'file';
      b.dataset.path = path;
      if (state.messages.some(m => m.file === path)) {
        b.classList.add('has-messages');
        b.setAttribute('aria-description', 'has build messages');
      }
      item.appendChild(b);
      list.appendChild(item);
    });
  }

  function modeOf(path) {
    return path.endsWith('.drl') ? 'text/x-drl' : 'yaml';
  }

  function openFile(path) {
    state.open = null; // the text set below is no edit
    const text = path in state.edited ? state.edited[path] : state.files[path];
    const cm = editor();
    cm.setOption('mode', modeOf(path));
    cm.setValue(text == null ? '' : text);
    state.open = path;
    $('editing').textContent = path;
    cm.performLint();
    showMessages();
    cm.focus();
  }

  function showMessages() {
    const list = $('messages');
    list.replaceChildren();
    state.messages.forEach(m => {
      const item = document.createElement('li');
      const where = m.file + (m.line > 0 ? ', line ' + m.line : '');
      const b = button(where, () => {
        if (state.files[m.file] != null || state.edited[m.file] != null) {
          openFile(m.file);
          if (m.line > 0) {
            state.editor.setCursor(m.line - 1, 0);
          }
        }
      });
      b.className = 'message-place';
      item.appendChild(b);
      item.appendChild(document.createTextNode(': ' + m.reason));
      list.appendChild(item);
    });
  }

  async function saveDraft() {
    const message = $('draft-message').value.trim();
    if (!message) {
      $('draft-result').textContent = 'Say why this change is made (the release message).';
      $('draft-message').focus();
      return;
    }
    if (Object.keys(state.edited).length === 0) {
      $('draft-result').textContent = 'Nothing is changed yet.';
      return;
    }
    $('save-draft').disabled = true;
    delete $('draft-result').dataset.state;
    delete $('draft-result').dataset.version;
    $('draft-result').textContent = 'Checking the draft: compiling, checking and running every scenario…';
    try {
      const made = await api('POST', '/rule_releases', {base: state.base, message: message, files: state.edited});
      state.messages = made.messages.map(parseMessage);
      $('draft-result').textContent = 'Release ' + made.version + ' is ' + made.state + '. Scenarios: '
        + scenariosText(made.scenarios) + '.';
      $('draft-result').dataset.version = made.version;
      $('draft-result').dataset.state = made.state;
      showFiles();
      showMessages();
      if (state.open != null) {
        state.editor.performLint();
      }
    } catch (e) {
      $('draft-result').textContent = e.message;
    } finally {
      $('save-draft').disabled = false;
    }
  }

  function addFromTemplate() {
    const name = $('template-name').value.trim();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      $('draft-result').textContent = 'A name is lower-case letters, digits and _, starting with a letter.';
      $('template-name').focus();
      return;
    }
    const [path, text] = TEMPLATES[$('template').value](name);
    if (path in state.files || path in state.edited) {
      $('draft-result').textContent = path + ' exists already.';
      return;
    }
    state.edited[path] = text;
    showFiles();
    showChanged();
    openFile(path);
  }

  async function showReview() {
    const rules = await api('GET', '/rules');
    const page = await api('GET', '/rule_releases?limit=100');
    const select = $('review-version');
    const chosen = select.value || ($('draft-result').dataset.version || '');
    select.replaceChildren();
    page.items.forEach(r => {
      const option = document.createElement('option');
      option.value = r.version;
      option.textContent = r.version + ' (' + r.state + ') ' + r.message;
      select.appendChild(option);
    });
    if (chosen && page.items.some(r => r.version === chosen)) {
      select.value = chosen;
    }
    state.published = rules.published;
    await reviewRelease(select.value);
  }

  async function reviewRelease(version) {
    if (!version) {
      return;
    }
    const release = await api('GET', '/rule_releases/' + version);
    $('review-failures').replaceChildren();
    status('Release ' + state.published + ' is published.');
    $('review-summary').textContent = version + ' is ' + release.state + ', by ' + release.author + ': '
      + release.message + '. Published now: ' + state.published + '.';
    $('review-summary').dataset.state = release.state;
    // before publishing, against what runs; once published, against the release it was made from
    const against = version === state.published && release.base ? release.base : state.published;
    $('review-against').textContent = against === state.published ? 'the published release ' + against
      : 'its base ' + against;
    const diff = await api('GET', '/rule_releases/' + version + '/diff?against=' + against);
    $('review-diff').replaceChildren();
    $('review-diff-title').textContent = 'The file\'s lines';
    fill('review-files', Object.entries(diff.files), ([path, change]) => [path, change,
      button('Show the lines', () => showFileDiff(version, against, path, change))]);
    $('review-scenarios').textContent = 'This release: ' + scenariosText(diff.scenarios.version)
      + '; ' + against + ': ' + scenariosText(diff.scenarios.against) + '.';
    (release.scenarios.failures || []).forEach(f => {
      const item = document.createElement('li');
      item.textContent = f;
      $('review-failures').appendChild(item);
    });
  }

  const LEVELS = ['call_flow', 'account', 'did_group', 'did', 'meeting_room'];

  async function releaseOptions(select) {
    const page = await api('GET', '/rule_releases?limit=100');
    // a draft saved since this list was last filled is the one to try; else the choice stays
    const saved = $('draft-result').dataset.version || '';
    const fresh = saved && select.dataset.offered !== saved;
    select.dataset.offered = saved;
    const chosen = fresh ? saved : (select.value || saved);
    select.replaceChildren();
    page.items.filter(r => r.state !== 'refused').forEach(r => {
      const option = document.createElement('option');
      option.value = r.version;
      option.textContent = r.version + ' (' + r.state + ') ' + r.message;
      select.appendChild(option);
    });
    if (chosen && page.items.some(r => r.version === chosen && r.state !== 'refused')) {
      select.value = chosen;
    }
  }

  async function showTry() {
    await releaseOptions($('try-version'));
    await loadHierarchy();
    showPicker();
    await showEventFields();
  }

  /** Every account, group, DID and room (pages of up to 1000), and the flows' names by sid. */
  async function loadHierarchy() {
    const all = path => api('GET', path + (path.includes('?') ? '&' : '?') + 'limit=1000').then(p => p.items);
    const [accounts, groups, dids, rooms, flows] = await Promise.all(
      ['/accounts', '/did_groups', '/dids', '/meeting_rooms', '/call_flows'].map(all));
    const flowNames = {};
    flows.forEach(f => { flowNames[f.call_flow_sid] = f.name; });
    state.hierarchy = {accounts: accounts, groups: groups, dids: dids,
      rooms: rooms.filter(r => !r.ad_hoc), flowNames: flowNames};
  }

  function node(kind, text, action, extra) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'kind';
    label.textContent = kind;
    item.appendChild(label);
    if (action) {
      const b = button(text, action);
      if (extra) {
        Object.assign(b.dataset, extra);
      }
      item.appendChild(b);
    } else {
      item.appendChild(document.createTextNode(text));
    }
    return item;
  }

  function branch(item, children) {
    if (children.length) {
      const list = document.createElement('ul');
      children.forEach(c => list.appendChild(c));
      item.appendChild(list);
    }
    return item;
  }

  function roomText(room) {
    return (room.name || room.meeting_room_sid) + ' (codes ' + room.access_codes.map(c => c.access_code + ' ' + c.role).join(', ') + ')';
  }

  /** The hierarchy as a tree: account, then its rooms and DIDs without a group, then each group's. */
  function showPicker() {
    const h = state.hierarchy;
    const didNode = d => node('DID', d.phonenumber, () => pick('arrival', d.phonenumber, ''), {pick: 'did', sid: d.did_sid});
    const roomNode = r => node('Room', roomText(r), () => pickRoom(r), {pick: 'room', sid: r.meeting_room_sid});
    $('pick').replaceChildren(...h.accounts.map(a => {
      const ownDids = h.dids.filter(d => d.account_sid === a.account_sid);
      const groups = h.groups.filter(g => g.account_sid === a.account_sid).map(g => branch(
        node('DID group', g.name, () => pickFirstDid(ownDids.filter(d => d.did_group_sid === g.did_group_sid)), {pick: 'group', sid: g.did_group_sid}),
        h.rooms.filter(r => r.did_group_sid === g.did_group_sid).map(roomNode)
          .concat(ownDids.filter(d => d.did_group_sid === g.did_group_sid).map(didNode))));
      return branch(node('Account', a.name, () => pickFirstDid(ownDids), {pick: 'account', sid: a.account_sid}),
        h.rooms.filter(r => r.account_sid === a.account_sid && !r.did_group_sid).map(roomNode)
          .concat(ownDids.filter(d => !d.did_group_sid).map(didNode), groups));
    }));
  }

  function pickFirstDid(dids) {
    if (!dids.length) {
      status('No DID there to dial.');
      return;
    }
    pick('arrival', dids[0].phonenumber, '');
  }

  /** A room's first code, entered after dialing a DID of its group (or of its account). */
  function pickRoom(room) {
    const dids = state.hierarchy.dids.filter(d => d.account_sid === room.account_sid
      && (!room.did_group_sid || d.did_group_sid === room.did_group_sid));
    if (!dids.length || !room.access_codes.length) {
      status('No DID reaches that room, or it has no code.');
      return;
    }
    pick('code_entry', dids[0].phonenumber, room.access_codes[0].access_code);
  }

  function pick(event, number, code) {
    $('try-event').value = event;
    $('try-number').value = number;
    $('try-code').value = code;
    showEventFields();
    $('try-number').focus();
    status('Picked ' + number + (code ? ' with code ' + code : '') + '.');
  }

  function inCall() {
    return ['key_press', 'hang_up'].includes($('try-event').value);
  }

  async function showEventFields() {
    const live = inCall();
    $('try-new-call').hidden = live;
    $('try-live-call').hidden = !live;
    $('try-digits').hidden = $('try-event').value !== 'key_press';
    document.querySelector('label[for=try-digits]').hidden = $('try-digits').hidden;
    $('try-code').required = $('try-event').value === 'code_entry';
    $('try-number').required = !live;
    if (live) {
      const calls = (await api('GET', '/calls?limit=1000')).items
        .filter(c => c.state === 'joined' || c.state === 'changing_role');
      const select = $('try-call');
      const chosen = select.value;
      select.replaceChildren(...calls.map(c => {
        const option = document.createElement('option');
        option.value = c.call_sid;
        option.textContent = c.number_dst + ', ' + c.role + ' in ' + c.meeting_room_sid + ' (' + c.call_sid + ')';
        return option;
      }));
      if (chosen) {
        select.value = chosen;
      }
      state.liveCalls = calls;
      if (!calls.length) {
        status('No call is in a meeting now: keys and hang-ups are tried on a live call.');
      }
    }
  }

  function describe(listId, decision) {
    const list = $(listId);
    list.replaceChildren();
    const add = (term, value) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value == null || value === '' ? '-' : String(value);
      dd.dataset.term = term;
      list.append(dt, dd);
    };
    add('Action', decision.action);
    add('Reason', decision.reason);
    add('Call flow', decision.call_flow ? decision.call_flow.name + ' (named by the ' + decision.call_flow.source + ')' : null);
    add('Role', decision.role);
    add('In-call action', decision.in_call_action);
    add('Attempts left', decision.attempts_left);
    add('Prompts', (decision.media || []).map(m => m.type + (m.prompt ? ' ' + m.prompt : '')).join(', '));
    add('Rules fired', (decision.rules_fired || []).join('; '));
    add('Release', decision.rule_base_version);
  }

  /** What the form asks, as the request and where it goes. */
  function tryRequest() {
    const event = $('try-event').value;
    if (inCall()) {
      const sid = $('try-call').value;
      if (!sid) {
        throw new Error('Choose a live call: keys and hang-ups are tried on a call in a meeting.');
      }
      const body = {event: event};
      if (event === 'key_press') {
        body.digits = $('try-digits').value.trim();
      }
      return {event: event, path: '/calls/' + encodeURIComponent(sid) + '/what_if', body: body,
        call: state.liveCalls.find(c => c.call_sid === sid)};
    }
    const body = {number_dst: $('try-number').value.trim()};
    if ($('try-caller').value.trim()) {
      body.number_src = $('try-caller').value.trim();
    }
    if (event === 'code_entry') {
      body.access_code = $('try-code').value.trim();
    }
    return {event: event, path: '/decisions', body: body};
  }

  async function tryIt(event) {
    event.preventDefault();
    const version = $('try-version').value;
    try {
      const request = tryRequest();
      status('Deciding with ' + version + ' (a release tried the first time is built first: a few seconds)…');
      const rules = await api('GET', '/rules');
      const tried = await api('POST', request.path, Object.assign({rule_release: version}, request.body));
      const published = await api('POST', request.path, Object.assign({rule_release: rules.published}, request.body));
      $('try-left-title').textContent = 'Release ' + version;
      $('try-right-title').textContent = 'Published ' + rules.published;
      describe('try-left', tried);
      describe('try-right', published);
      showProperties(tried, published);
      drawSources(tried, request);
      state.tried = {request: request, decision: tried, version: version};
      $('try-scenario').disabled = false;
      status('Decided by ' + version + ' and by the published ' + rules.published + '; nothing was changed.');
    } catch (e) {
      status(e.message);
    }
  }

  function showProperties(tried, published) {
    const keys = Array.from(new Set(Object.keys(tried.properties).concat(Object.keys(published.properties)))).sort();
    fill('try-properties', keys, key => {
      const source = tried.property_sources[key];
      const cells = LEVELS.map(level => source && source.level === level
        ? tried.properties[key] + (source.sid ? ' (' + source.sid + ')' : '') : '');
      const before = published.properties[key];
      return [key].concat(cells, [before === tried.properties[key] ? 'same' : (before == null ? 'not set' : before)]);
    });
    $('try-properties').querySelectorAll('tbody tr').forEach((row, i) => {
      row.dataset.property = keys[i];
      Array.from(row.cells).forEach((c, j) => {
        if (j >= 1 && j <= LEVELS.length) {
          c.dataset.level = LEVELS[j - 1];
          if (c.textContent) {
            c.className = 'source';
          }
        }
      });
    });
  }

  const digitsOf = number => (number || '').replace(/[^0-9]/g, '');

  /** The objects a decision went through: the DID dialed, its group and account, the room joined. */
  function path(decision, request) {
    const h = state.hierarchy;
    const number = request.call ? request.call.number_dst : request.body.number_dst;
    const did = h.dids.find(d => digitsOf(d.phonenumber) === digitsOf(number));
    const roomSid = decision.meeting_room_sid || (request.call && request.call.meeting_room_sid);
    return {
      did: did,
      group: did && h.groups.find(g => g.did_group_sid === did.did_group_sid),
      account: did && h.accounts.find(a => a.account_sid === did.account_sid),
      room: roomSid && h.rooms.find(r => r.meeting_room_sid === roomSid)
    };
  }

  /** The path as a tree from the flow's base down to the room, each level with the values it supplied. */
  function drawSources(decision, request) {
    const p = path(decision, request);
    const levels = [
      ['call_flow', 'Call flow', decision.call_flow ? decision.call_flow.name : null],
      ['account', 'Account', p.account && p.account.name],
      ['did_group', 'DID group', p.group && p.group.name],
      ['did', 'DID', p.did && p.did.phonenumber],
      ['meeting_room', 'Meeting room', p.room && (p.room.name || p.room.meeting_room_sid)]
    ].filter(l => l[2] != null);
    let parent = $('try-sources');
    parent.replaceChildren();
    levels.forEach(([level, kind, name]) => {
      const item = node(kind, name);
      item.dataset.level = level;
      const supplied = Object.keys(decision.properties).sort()
        .filter(k => decision.property_sources[k] && decision.property_sources[k].level === level);
      supplied.forEach(k => {
        const line = document.createElement('span');
        line.className = 'supplied';
        line.dataset.property = k;
        line.textContent = k + ' = ' + decision.properties[k];
        item.appendChild(line);
      });
      if (!supplied.length) {
        const none = document.createElement('span');
        none.className = 'none';
        none.textContent = 'no value of this level wins';
        item.appendChild(none);
      }
      parent.appendChild(item);
      const below = document.createElement('ul');
      item.appendChild(below);
      parent = below;
    });
  }

  const q = JSON.stringify; // a JSON string or object is YAML

  /** A scenario that replays the try in a hierarchy of its own, expecting what the try decided. */
  function scenarioOf(tried) {
    const h = state.hierarchy;
    const p = path(tried.decision, tried.request);
    if (!p.did) {
      throw new Error('Only a try at a DID of the hierarchy makes a scenario.');
    }
    const withProperties = (o, props) => {
      if (props && Object.keys(props).length) {
        o.properties = props;
      }
      return o;
    };
    const flow = sid => sid ? {call_flow: h.flowNames[sid] || sid} : {};
    const lines = ['# Made in the workbench from a try of release ' + tried.version + '. Only the objects the',
      '# decision went through are here, and no other caller: a meeting starts with this one.',
      'name: ' + q('tried - ' + tried.request.event + ' at ' + p.did.phonenumber + ' decides '
        + tried.decision.action),
      'hierarchy:', '  accounts:',
      '    - ' + q(withProperties(Object.assign({name: p.account.name}, flow(p.account.call_flow_sid)), p.account.properties))];
    if (p.group) {
      lines.push('  did_groups:', '    - ' + q(withProperties(Object.assign({name: p.group.name, account: p.account.name},
        flow(p.group.call_flow_sid)), p.group.properties)));
    }
    const did = Object.assign({number: digitsOf(p.did.phonenumber), account: p.account.name},
      p.group ? {did_group: p.group.name} : {}, flow(p.did.call_flow_sid));
    lines.push('  dids:', '    - ' + q(withProperties(did, p.did.properties)));
    const code = tried.request.call ? tried.request.call.access_code : tried.request.body.access_code;
    const rooms = h.rooms.filter(r => r.account_sid === p.account.account_sid && (r === p.room
      || (code && r.access_codes.some(c => c.access_code === code))));
    if (rooms.length) {
      lines.push('  rooms:');
      rooms.forEach((r, i) => {
        const group = h.groups.find(g => g.did_group_sid === r.did_group_sid);
        const codes = {};
        r.access_codes.forEach(c => { codes[c.access_code] = c.role; });
        lines.push('    - ' + q(withProperties(Object.assign({name: r.name || 'room_' + (i + 1), account: p.account.name},
          group ? {did_group: group.name} : {}, {access_codes: codes}), r.properties)));
      });
    }
    const d = tried.decision;
    const expect = {action: d.action};
    ['reason', 'role', 'attempts_left', 'in_call_action'].forEach(f => {
      if (d[f] != null) {
        expect[f] = d[f];
      }
    });
    const props = {};
    Object.keys(d.properties).sort().forEach(k => {
      const source = d.property_sources[k];
      if (source && source.level !== 'call_flow') {
        props[k] = {value: d.properties[k], level: source.level};
      }
    });
    if (Object.keys(props).length) {
      expect.properties = props;
    }
    const event = tried.request.event;
    const steps = [{call: 'caller', arrives: did.number}];
    if (code) {
      steps.push({call: 'caller', enters: code});
    }
    if (event === 'key_press') {
      steps.push({call: 'caller', presses: tried.request.body.digits});
    } else if (event === 'hang_up') {
      steps.push({call: 'caller', hangs_up: null});
    }
    steps[steps.length - 1].expect = expect;
    lines.push('steps:');
    steps.forEach(st => lines.push('- ' + q(st)));
    return lines.join('\n') + '\n';
  }

  async function makeScenario() {
    try {
      const text = scenarioOf(state.tried);
      if (!state.base) {
        await startDraft((await api('GET', '/rules')).published);
      }
      let n = 1;
      while (('scenarios/tried_' + n + '.yaml') in state.files || ('scenarios/tried_' + n + '.yaml') in state.edited) {
        n++;
      }
      const path = 'scenarios/tried_' + n + '.yaml';
      state.edited[path] = text;
      showFiles();
      showChanged();
      location.hash = '#edit';
      await show('edit');
      openFile(path);
      status(path + ' is added to the draft: save the draft to check it with the others.');
    } catch (e) {
      status(e.message);
    }
  }

  async function runScenarios(event) {
    event.preventDefault();
    const version = $('scenarios-version').value;
    $('scenarios-run').disabled = true;
    $('scenarios-summary').textContent = 'Running every scenario of ' + version + ' against it and against the published release…';
    try {
      const rules = await api('GET', '/rules');
      const run = await api('GET', '/rule_releases/' + version + '/scenarios?against=' + rules.published);
      $('scenarios-summary').textContent = run.passed + ' passed, ' + run.failed + ' failed; '
        + run.scenarios.filter(s => s.changes.length).length + ' scenarios decide differently from the published '
        + rules.published + '.';
      $('scenarios-summary').dataset.version = version;
      fill('scenarios-results', run.scenarios, s => [s.file + (s.name ? ': ' + s.name : ''),
        s.passed ? 'passed' : 'FAILED', s.first_failure || '']);
      const changes = [];
      run.scenarios.forEach(s => s.changes.forEach(c => changes.push(Object.assign({file: s.file}, c))));
      fill('scenarios-changes', changes, c => [c.file, c.step, c.field, c.value, c.against_value]);
    } catch (e) {
      $('scenarios-summary').textContent = e.message;
    } finally {
      $('scenarios-run').disabled = false;
    }
  }

  /** The file in this release (left) beside the other release's (right), changes marked. */
  async function showFileDiff(version, against, path, change) {
    // an added file has no side in the other release, a deleted one none in this
    const text = async (v, absent) => absent ? '' : (await api('GET', '/rule_releases/' + v + '/files/' + path)).text;
    const [mine, theirs] = await Promise.all([text(version, change === 'deleted'), text(against, change === 'added')]);
    $('review-diff').replaceChildren();
    $('review-diff-title').textContent = path + ': ' + version + ' (left) against ' + against + ' (right)';
    CodeMirror.MergeView($('review-diff'), {
      value: mine,
      orig: theirs,
      mode: modeOf(path),
      lineNumbers: true,
      readOnly: true,
      revertButtons: false
    });
  }

  async function step(action) {
    const version = $('review-version').value;
    $('review-result').textContent = '…';
    try {
      if (action === 'approve') {
        await api('POST', '/rule_releases/' + version + '/approve', {});
      } else if (action === 'publish') {
        await api('POST', '/rule_releases/' + version + '/publish', {replaces: state.published});
      } else {
        await api('POST', '/rules/rollback');
      }
      $('review-result').textContent = 'Done: ' + action + '.';
      await showReview();
    } catch (e) {
      $('review-result').textContent = (e.status === 403 ? 'Not allowed: ' : 'Refused: ') + e.message;
    }
  }

  async function findCall(event) {
    event.preventDefault();
    const wanted = $('call-sid').value.trim();
    try {
      if (/^\+?[0-9][0-9\s().-]*$/.test(wanted)) {
        const calls = await api('GET', '/calls/search?number=' + encodeURIComponent(wanted));
        $('found-calls').hidden = false;
        fill('found-calls', calls, c => [c.call_sid, c.number_src, c.number_dst, c.state, c.role || '',
          c.date_created, button('Decisions', () => showDecisions(c.call_sid))]);
        status(calls.length + ' calls to or from ' + wanted + ', newest first.');
        if (calls.length) {
          await showDecisions(calls[0].call_sid);
        }
      } else {
        $('found-calls').hidden = true;
        await showDecisions(wanted);
      }
    } catch (e) {
      status(e.message);
    }
  }

  async function showDecisions(sid) {
    const decisions = await api('GET', '/calls/' + encodeURIComponent(sid) + '/decisions');
    $('decisions-title').textContent = 'Decisions of call ' + sid;
    fill('decisions', decisions, d => [d.event, d.action, d.reason || '', d.rule_base_version,
      (d.rules_fired || []).join(', ')]);
    $('decisions').dataset.call = sid;
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('login-user').value;
    state.authorization = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + $('login-password').value)));
    try {
      await api('GET', '/rules');
      state.user = user;
      $('who').textContent = 'Signed in as ' + user;
      $('login-password').value = '';
      location.hash = '#releases';
      await show('releases');
    } catch (e) {
      state.authorization = null;
      status(e.status === 401 ? 'Wrong user or password.' : e.message);
    }
  }

  function signOut() {
    state.authorization = null;
    state.user = null;
    state.base = null;
    $('who').textContent = '';
    status('Signed out.');
    location.hash = '#login';
    show('login');
  }

  CodeMirror.defineMIME('text/x-drl', {
    name: 'clike',
    keywords: words('package import global declare end rule query function when then not exists forall'
      + ' from collect accumulate eval and or over entry-point modify insert insertLogical update delete'
      + ' retract salience no-loop agenda-group ruleflow-group lock-on-active dialect true false null'
      + ' new return if else'),
    types: words('String int long boolean double Integer Long Boolean Double List Map Set'),
    atoms: words('true false null'),
    hooks: {'@': () => 'meta', '$': stream => { stream.eatWhile(/[\w$]/); return 'variable-2'; }}
  });

  function words(text) {
    const set = {};
    text.split(' ').forEach(w => { set[w] = true; });
    return set;
  }

  $('login-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('save-draft').addEventListener('click', saveDraft);
  $('template-add').addEventListener('click', addFromTemplate);
  $('review-version').addEventListener('change', () => reviewRelease($('review-version').value).catch(e => status(e.message)));
  $('approve').addEventListener('click', () => step('approve'));
  $('publish').addEventListener('click', () => step('publish'));
  $('rollback').addEventListener('click', () => step('rollback'));
  $('call-form').addEventListener('submit', findCall);
  $('try-form').addEventListener('submit', tryIt);
  $('try-event').addEventListener('change', () => showEventFields().catch(e => status(e.message)));
  $('try-scenario').addEventListener('click', makeScenario);
  $('scenarios-form').addEventListener('submit', runScenarios);
  window.addEventListener('hashchange', () => show(location.hash.slice(1) || 'releases'));
  show('login');
})();
