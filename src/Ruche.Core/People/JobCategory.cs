namespace Ruche.Core.People;

/// <summary>
/// The French professional categories (catégories socio-professionnelles used by collective agreements and by the
/// social elections' colleges): set by HR or an administrator, used to address a message to a category.
/// </summary>
public enum JobCategory
{
    /// <summary>Cadres.</summary>
    Executives = 1,

    /// <summary>Techniciens et agents de maîtrise (ETAM).</summary>
    TechniciansAndSupervisors = 2,

    /// <summary>Employés.</summary>
    Employees = 3,

    /// <summary>Ouvriers.</summary>
    Workers = 4,
}
