using System.Text.Json;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

/// <summary>What the crawler reads in a page: its shell, its text, and where it leads.</summary>
public sealed record PageFacts(
    string? Lang,
    string Title,
    string? BaseHref,
    string[] Stylesheets,
    bool HasHeader,
    string Text,
    string[] UiTexts,
    PageLink[] Links,
    PageForm[] Forms)
{
    // One function for both ways a page is read: the document Chromium navigated to, and HTML fetched through the
    // context's request API and parsed by DOMParser (which runs no script and loads nothing). The text leaves out
    // scripts and styles but keeps hidden elements: a raw key there shows as soon as a script reveals it.
    // UiTexts are the chrome's words (buttons, labels, navigation, placeholders), not what people wrote.
    private const string Extract = """
        doc => {
          const body = doc.body ? doc.body.cloneNode(true) : null;
          if (body) body.querySelectorAll('script, style, noscript, template').forEach(e => e.remove());
          const attributes = [];
          doc.querySelectorAll('[placeholder], [aria-label], [title], img[alt], input[type=submit][value], input[type=button][value]').forEach(e => {
            for (const name of ['placeholder', 'aria-label', 'title', 'alt']) if (e.hasAttribute(name)) attributes.push(e.getAttribute(name));
            if (e.tagName === 'INPUT' && (e.type === 'submit' || e.type === 'button')) attributes.push(e.value);
          });
          const ui = [];
          doc.querySelectorAll('header.top a, button, label, legend, th, summary, input[type=submit]').forEach(e => {
            if (e.closest('article, .post-body, .comment-body, .card')) return;
            const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(' ').trim();
            if (own) ui.push(own);
          });
          doc.querySelectorAll('[placeholder], button[aria-label], a[aria-label]').forEach(e => {
            if (e.closest('article, .post-body, .comment-body, .card')) return;
            ui.push(e.getAttribute('placeholder') ?? e.getAttribute('aria-label'));
          });
          const isSubmit = el => el.tagName === 'BUTTON' ? (el.getAttribute('type') || 'submit').toLowerCase() === 'submit'
            : el.tagName === 'INPUT' && ['submit', 'image'].includes((el.getAttribute('type') || '').toLowerCase());
          const forms = [...doc.querySelectorAll('form')].map(f => {
            const fields = [];
            let submitter = null;
            for (const el of f.elements) {
              if (el.disabled) continue;
              if (isSubmit(el)) { submitter ??= el; continue; }
              const tag = el.tagName.toLowerCase();
              const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : tag;
              if (!el.name || ['button', 'reset', 'file', 'fieldset', 'output', 'object'].includes(type)) continue;
              if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
              fields.push({ name: el.name, value: el.value ?? '', type, required: !!el.required });
            }
            // The first submit button is the one a person clicks; its name and value go with the form, as a browser sends them.
            if (submitter?.name) fields.push({ name: submitter.name, value: submitter.value ?? '', type: 'submit', required: false });
            return { method: (f.getAttribute('method') || 'get').toLowerCase(), action: f.getAttribute('action'), fields };
          });
          return {
            lang: doc.documentElement.getAttribute('lang'),
            title: doc.title,
            baseHref: doc.querySelector('base[href]')?.getAttribute('href') ?? null,
            stylesheets: [...doc.querySelectorAll('link[rel~=stylesheet]')].map(l => l.getAttribute('href')),
            hasHeader: !!doc.querySelector('header.top'),
            text: [doc.title, body ? body.textContent : '', ...attributes].join('\n'),
            uiTexts: ui,
            links: [...doc.querySelectorAll('a[href], area[href]')].map(a => ({ href: a.getAttribute('href'), download: a.hasAttribute('download') })),
            forms
          };
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The facts of the document a page has navigated to.</summary>
    public static async Task<PageFacts> OfDocumentAsync(IPage page) =>
        Read(await page.EvaluateAsync<string>($"() => JSON.stringify(({Extract})(document))"));

    /// <summary>The facts of fetched HTML, parsed without rendering in <paramref name="parser"/> (any blank page).</summary>
    public static async Task<PageFacts> OfHtmlAsync(IPage parser, string html) =>
        Read(await parser.EvaluateAsync<string>($"html => JSON.stringify(({Extract})(new DOMParser().parseFromString(html, 'text/html')))", html));

    private static PageFacts Read(string json) =>
        JsonSerializer.Deserialize<PageFacts>(json, Json) ?? throw new InvalidOperationException("The page's facts did not come back.");
}

public sealed record PageLink(string Href, bool Download);

public sealed record PageForm(string Method, string? Action, FormField[] Fields);

public sealed record FormField(string Name, string Value, string Type, bool Required);
