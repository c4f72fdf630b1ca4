// kejin web chat: posts messages and button presses without leaving the page.
// Without this script the same forms post to "/" and the server answers with
// the whole page, so everything here is an improvement, never a requirement.
'use strict';
(function () {
    var log = document.getElementById('log');
    var ask = document.getElementById('ask');
    var box = document.getElementById('q');
    var meta = document.querySelector('meta[name="csrf"]');
    if (!log || !ask || !box || !meta || !window.fetch) return;
    var csrf = meta.getAttribute('content');
    var words = document.body.dataset;
    var busy = false;

    function last() {
        var m = log.lastElementChild;
        if (m && m.scrollIntoView) m.scrollIntoView({ block: 'start' });
    }

    function status(text) {
        var el = document.createElement('div');
        el.className = 'msg notice';
        el.setAttribute('role', 'status');
        el.textContent = text;
        log.appendChild(el);
        return el;
    }

    function send(body, onDone) {
        if (busy) return;
        busy = true;
        document.body.setAttribute('aria-busy', 'true');
        var pending = status(words.sending || '…');
        fetch('/chat', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
            body: JSON.stringify(body),
        })
            .then(function (res) {
                return res.json().then(
                    function (data) {
                        return { ok: res.ok, data: data };
                    },
                    function () {
                        return { ok: false, data: {} };
                    },
                );
            })
            .then(function (r) {
                pending.remove();
                if (!r.ok) {
                    status(r.data.notice || words.failed);
                    return;
                }
                if (r.data.reload) {
                    window.location.reload();
                    return;
                }
                if (r.data.reset) log.textContent = '';
                // The next questionnaire step takes the place of the one answered, as in the bot.
                var end = log.lastElementChild;
                if (r.data.replace && end && end.classList.contains('bot')) end.remove();
                log.insertAdjacentHTML('beforeend', r.data.html || '');
                if (onDone) onDone();
                last();
            })
            .catch(function () {
                pending.remove();
                status(words.failed);
            })
            .then(function () {
                busy = false;
                document.body.removeAttribute('aria-busy');
            });
    }

    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (!(form instanceof HTMLFormElement) || form.method !== 'post') return;
        if (form === ask) {
            e.preventDefault();
            var text = box.value.trim();
            if (!text) return;
            send({ q: text }, function () {
                box.value = '';
                box.focus();
            });
            return;
        }
        var button = e.submitter;
        if (!button || button.name !== 'a') return;
        e.preventDefault();
        // A vote counts once: its row goes as it is pressed.
        if (button.hasAttribute('data-once')) button.parentElement.remove();
        send({ a: button.value }, function () {
            box.focus();
        });
    });

    // Enter sends; Shift+Enter breaks the line; Enter that ends an IME composition only confirms it.
    box.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
            e.preventDefault();
            if (ask.requestSubmit) ask.requestSubmit();
            else ask.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
        }
    });

    last();
})();
