namespace Ruche.Core.Common;

/// <summary>Company roles. Stored as Identity roles; more arrive with later features.</summary>
public static class RoleNames
{
    public const string Administrator = "administrator";
    public const string HumanResources = "hr";
    public const string UnionDelegate = "union-delegate";
    public const string StaffRepresentative = "staff-representative";
    public const string Direction = "direction";
    public const string Employee = "employee";

    /// <summary>Reads and handles the confidential reporting channel's cases (whistleblowing); nobody else does.</summary>
    public const string Referent = "referent";

    /// <summary>The company's *community manager social*: sends targeted internal messages (as HR may), seeing reach as counts only.</summary>
    public const string Communication = "communication";

    public static readonly IReadOnlyList<string> All =
        [Administrator, HumanResources, UnionDelegate, StaffRepresentative, Direction, Referent, Communication, Employee];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
