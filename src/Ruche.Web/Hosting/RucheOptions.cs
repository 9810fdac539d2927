namespace Ruche.Web.Hosting;

/// <summary>The "Ruche" configuration section (environment: Ruche__DataDir, Ruche__DemoData…).</summary>
public sealed class RucheOptions
{
    public const string Section = "Ruche";

    /// <summary>Folder for the embedded database, uploaded files and mails; relative paths start at the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Seed the demo company when the database is new. Set false for real use.</summary>
    public bool DemoData { get; set; } = true;

    /// <summary>Apply migrations at start-up (the embedded default). With several nodes, run <c>migrate</c> once instead.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string DataDirFullPath => Path.GetFullPath(DataDir);
}
