namespace Ruche.Web.Localization;

/// <summary>
/// Marker for the UI's texts. Each feature folder keeps its own <c>Texts.resx</c> (French, the default) and
/// <c>Texts.en.resx</c> (English); <see cref="UiTexts"/> reads them all as one localizer.
/// </summary>
public sealed class Ui;
