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

    /// <summary>
    /// One of several identical nodes (docs/deployment.md): PostgreSQL and Redis are required, the data-protection
    /// keys live in the database, and nodes never migrate themselves (the <c>migrate</c> command does, once).
    /// </summary>
    public bool Cluster { get; set; }

    /// <summary>Where uploaded files are kept (default: the data folder's "files"); with several nodes, a folder they all mount.</summary>
    public string? FilesDir { get; set; }

    /// <summary>
    /// The address people reach Ruche at. Every absolute link Ruche writes (mails, invitations, calendar feeds, SCIM
    /// locations) starts with it, never with the request's Host header, which anyone can set (AllowedHosts is "*").
    /// </summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>
    /// The key that seals what the database must not reveal (reporting-channel cases, ballots being mixed): 32 bytes in
    /// base64, kept outside the database. Required with several nodes (all share it); a single node without it creates
    /// <c>sealing.key</c> in the data folder on first start.
    /// </summary>
    public string? SealingKey { get; set; }

    /// <summary>An SMTP server for mails; without a host, mails are written as .eml files to the data folder's "mail".</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Run the goals reminder and weekly recap passes on this node (every node may: claims in the database keep each
    /// reminder single). Tests turn it off and run passes themselves on a fake clock.
    /// </summary>
    public bool GoalsScheduler { get; set; } = true;

    /// <summary>The absolute address of a path of Ruche's ("/invitation/…"), from <see cref="PublicUrl"/> (which may hold a path).</summary>
    public string Link(string path)
    {
        var root = PublicUrl.AbsoluteUri.EndsWith('/') ? PublicUrl : new Uri(PublicUrl.AbsoluteUri + "/");
        return new Uri(root, path.TrimStart('/')).AbsoluteUri;
    }

    public string DataDirFullPath => Path.GetFullPath(DataDir);

    public string FilesDirFullPath => Path.GetFullPath(string.IsNullOrWhiteSpace(FilesDir) ? Path.Combine(DataDir, "files") : FilesDir);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (default) or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Ruche <ruche@localhost>";
}
