// Piazza's pages work without this script; it adds conditional fields, uploads with progress, rows added and
// removed in place, htmx's CSRF header, printing and the offline service worker.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  // Conditional fields (ui.showIf): shown, and submitted, only while the condition holds.
  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === 'checkbox') { return input.checked ? 'true' : 'false'; }
      if (input.type === 'radio') { if (input.checked) { return input.value; } continue; }
      if (input.type !== 'hidden') { return input.value; }
    }
    return '';
  }

  function applyConditions(form) {
    form.querySelectorAll('[data-show-if-field]').forEach(function (block) {
      var show = valueOf(form, block.dataset.showIfField) === block.dataset.showIfValue;
      block.hidden = !show;
      block.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = !show; });
    });
  }

  // Attachments: sent at once with a progress bar; the form then carries only the attachment's id.
  function upload(input) {
    var box = input.closest('[data-upload]');
    var bar = box.querySelector('.progress-bar');
    var status = box.querySelector('[data-upload-status]');
    var list = box.querySelector('[data-upload-list]');
    Array.prototype.forEach.call(input.files, function (file) {
      var data = new FormData();
      data.append('file', file);
      data.append('serviceId', box.dataset.service);
      data.append('kind', box.dataset.kind);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', box.dataset.upload);
      var token = csrf();
      if (token) { xhr.setRequestHeader(token.header, token.token); }
      xhr.setRequestHeader('Accept', 'application/json');
      box.querySelector('.progress').hidden = false;
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.round(e.loaded * 100 / e.total);
          bar.style.width = percent + '%';
          bar.setAttribute('aria-valuenow', String(percent));
        }
      });
      xhr.addEventListener('load', function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = {}; }
        if (xhr.status >= 200 && xhr.status < 300) {
          bar.style.width = '100%';
          bar.setAttribute('aria-valuenow', '100');
          var item = document.createElement('li');
          item.className = 'uploaded';
          item.dataset.uploaded = answer.id;
          var name = document.createElement('span');
          name.textContent = answer.fileName;
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'attachmentIds';
          hidden.value = answer.id;
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'btn btn-link btn-sm';
          remove.textContent = box.dataset.removeLabel;
          remove.setAttribute('aria-label', box.dataset.removeLabel + ' ' + answer.fileName);
          remove.setAttribute('data-remove-uploaded', '');
          item.append(name, hidden, remove);
          list.appendChild(item);
          status.textContent = answer.message;
          input.value = '';
        } else {
          status.textContent = answer.message || box.dataset.failedLabel;
          bar.style.width = '0%';
          bar.setAttribute('aria-valuenow', '0');
        }
      });
      xhr.addEventListener('error', function () { status.textContent = box.dataset.failedLabel; });
      xhr.send(data);
    });
  }

  // Rows of an array of objects: added from the row template, removed in place.
  function addRow(button) {
    var group = button.closest('[data-rows]');
    var body = group.querySelector('[data-rows-body]');
    var next = Number(group.dataset.next || body.children.length);
    group.dataset.next = String(next + 1);
    var html = group.querySelector('template').innerHTML.split('__i__').join(String(next))
      .split('__n__').join(String(next + 1));
    body.insertAdjacentHTML('beforeend', html);
    var first = body.lastElementChild.querySelector('input, select');
    if (first) { first.focus(); }
  }

  document.addEventListener('click', function (e) {
    var target = e.target.closest('[data-add-row], [data-remove-row], [data-remove-uploaded], [data-print]');
    if (!target) { return; }
    if (target.matches('[data-add-row]')) { addRow(target); }
    if (target.matches('[data-remove-row]')) {
      var group = target.closest('[data-rows]');
      target.closest('[data-row]').remove();
      var add = group.querySelector('[data-add-row]');
      if (add) { add.focus(); }
    }
    if (target.matches('[data-remove-uploaded]')) {
      var input = target.closest('[data-upload]').querySelector('input[type="file"]');
      target.closest('li').remove();
      input.focus();
    }
    if (target.matches('[data-print]')) { window.print(); }
  });

  document.addEventListener('change', function (e) {
    var form = e.target.form;
    if (form && form.matches('[data-service-form]')) { applyConditions(form); }
    if (e.target.matches('input[type="file"][data-upload-input]')) { upload(e.target); }
  });

  document.addEventListener('htmx:configRequest', function (e) {
    var token = csrf();
    if (token) { e.detail.headers[token.header] = token.token; }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-service-form]').forEach(applyConditions);
    document.querySelectorAll('[data-js-only]').forEach(function (el) { el.hidden = false; });
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js').catch(function () { /* the portal works without it */ });
    }
  });
})();
