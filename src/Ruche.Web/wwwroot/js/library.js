// A library's uploads show their progress: the form is sent with XMLHttpRequest, its <progress> follows the bytes,
// then the page goes where the server's answer went (the same redirect as the plain form post, which works without
// this script).

export function enhanceAll() {
  for (const form of document.querySelectorAll('form[data-upload]:not([data-upload-ready])')) {
    form.dataset.uploadReady = 'true';
    form.addEventListener('submit', (event) => {
      if (event.defaultPrevented || !form.checkValidity()) return;
      event.preventDefault();
      const bar = form.querySelector('progress');
      if (bar) bar.hidden = false;
      form.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = true; });
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (progress) => {
        if (bar && progress.lengthComputable) bar.value = Math.round((100 * progress.loaded) / progress.total);
      });
      request.addEventListener('load', () => { location.assign(request.responseURL || location.href); });
      request.addEventListener('error', () => { location.reload(); });
      request.send(new FormData(form));
    });
  }
}
