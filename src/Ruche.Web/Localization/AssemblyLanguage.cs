using System.Resources;

// French is Ruche's own language: Ui.resx holds it, and English is the satellite.
[assembly: NeutralResourcesLanguage("fr")]
