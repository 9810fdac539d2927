namespace Ruche.Web.Localization;

/// <summary>Marker for the UI's texts: Ui.resx (French, the default) and Ui.en.resx (English).</summary>
public sealed class Ui;
