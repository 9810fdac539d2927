using System.Text;
using Ruche.Core.Common;

namespace Ruche.Demo.People;

/// <summary>The organisation chart of the demo company: three sites, eight departments, sixty people.</summary>
internal static class DemoRoster
{
    public const string Paris = "Paris";
    public const string Montreal = "Montréal";
    public const string Singapore = "Singapour";

    public const string Direction = "Direction";
    public const string HumanResources = "Ressources humaines";
    public const string Engineering = "Ingénierie";
    public const string Product = "Produit";
    public const string Sales = "Ventes";
    public const string Support = "Support client";
    public const string Finance = "Finance";
    public const string Marketing = "Marketing";

    public static readonly IReadOnlyList<DemoSite> Sites =
    [
        new(Paris, "Europe/Paris", "FR"),
        new(Montreal, "America/Montreal", "CA"),
        new(Singapore, "Asia/Singapore", "SG"),
    ];

    public static readonly IReadOnlyList<string> Departments =
        [Direction, HumanResources, Engineering, Product, Sales, Support, Finance, Marketing];

    public static readonly IReadOnlyList<DemoPersonSpec> People =
    [
        // Paris
        new("Antoine", "Lefebvre", Paris, Direction, "Directeur général", null, RoleNames.Direction,
            Bio: "Directeur général. J'ai cofondé l'entreprise en 2012 avec l'envie de bâtir une maison où l'on aime travailler ensemble. Ma porte (et ma messagerie) est toujours ouverte.",
            Skills: ["Stratégie", "Leadership", "Négociation"]),
        new("Camille", "Martin", Paris, Direction, "Directrice des systèmes d'information", "antoine.lefebvre", RoleNames.Administrator,
            Bio: "Directrice des systèmes d'information. Je veille à ce que vos outils fonctionnent et que vos données restent en sécurité. Administratrice de Ruche : écrivez-moi pour toute question sur la plateforme.",
            Skills: ["Sécurité des SI", "Gouvernance IT", "Cloud", "ITIL"]),
        new("Isabelle", "Moreau", Paris, Direction, "Assistante de direction", "antoine.lefebvre"),
        new("Léa", "Dubois", Paris, HumanResources, "Responsable RH", "antoine.lefebvre", RoleNames.HumanResources,
            Bio: "Responsable RH. Recrutement, intégration, formation, vie au travail : je vous accompagne à chaque étape de votre parcours.",
            Skills: ["Recrutement", "Droit social", "Formation", "Marque employeur"]),
        new("Mathilde", "Chevalier", Paris, HumanResources, "Chargée de recrutement", "lea.dubois", RoleNames.Referent),
        new("Olivier", "Mercier", Paris, HumanResources, "Gestionnaire paie", "lea.dubois"),
        new("Thomas", "Bernard", Paris, Engineering, "Directeur technique", "antoine.lefebvre"),
        new("Nicolas", "Petit", Paris, Engineering, "Responsable d'équipe plateforme", "thomas.bernard"),
        new("Karim", "Benali", Paris, Engineering, "Ingénieur logiciel", "nicolas.petit", RoleNames.UnionDelegate,
            Bio: "Ingénieur logiciel dans l'équipe plateforme et délégué syndical. Passionné d'architecture distribuée, de café filtre et d'escalade.",
            Skills: ["C#", "Architecture logicielle", "Kubernetes", "Droit du travail"]),
        new("Julien", "Roux", Paris, Engineering, "Développeur", "nicolas.petit",
            Bio: "Développeur back-end à Paris. C#, PostgreSQL et tests automatisés le jour ; course à pied et jeux de société le soir.",
            Skills: ["C#", "PostgreSQL", "Tests automatisés"]),
        new("Sarah", "Cohen", Paris, Engineering, "Ingénieure DevOps", "nicolas.petit"),
        new("Aurélie", "Faure", Paris, Engineering, "Responsable d'équipe applications", "thomas.bernard"),
        new("Hugo", "Lambert", Paris, Engineering, "Développeur front-end", "aurelie.faure"),
        new("Mehdi", "Haddad", Paris, Engineering, "Ingénieur QA", "aurelie.faure"),
        new("Inès", "Garcia", Paris, Engineering, "Développeuse mobile", "aurelie.faure"),
        new("Pierre", "Blanc", Paris, Engineering, "Ingénieur sécurité", "thomas.bernard"),
        new("Émilie", "Laurent", Paris, Product, "Directrice produit", "antoine.lefebvre"),
        new("Baptiste", "Simon", Paris, Product, "Chef de produit", "emilie.laurent"),
        new("Chloé", "Michel", Paris, Product, "Designer UX", "emilie.laurent"),
        new("Maxime", "Garnier", Paris, Sales, "Directeur commercial", "antoine.lefebvre"),
        new("Lucie", "Perrin", Paris, Sales, "Ingénieure commerciale", "maxime.garnier"),
        new("Romain", "Girard", Paris, Sales, "Responsable grands comptes", "maxime.garnier"),
        new("Nathalie", "Bonnet", Paris, Finance, "Directrice administrative et financière", "antoine.lefebvre"),
        new("Guillaume", "Roussel", Paris, Finance, "Contrôleur de gestion", "nathalie.bonnet"),
        new("Sandrine", "Lemoine", Paris, Finance, "Comptable", "nathalie.bonnet"),
        new("Claire", "Fontaine", Paris, Marketing, "Directrice marketing", "antoine.lefebvre"),
        new("Alexandre", "Morel", Paris, Marketing, "Responsable communication", "claire.fontaine", RoleNames.Communication),
        new("Manon", "Guérin", Paris, Marketing, "Chargée de marketing digital", "claire.fontaine"),
        new("Vincent", "André", Paris, Support, "Responsable support Europe", "genevieve.bouchard"),
        new("Yasmine", "Belkacem", Paris, Support, "Chargée de clientèle", "vincent.andre"),

        // Montréal
        new("Marc-André", "Gagnon", Montreal, Direction, "Directeur général Amérique du Nord", "antoine.lefebvre", RoleNames.Direction),
        new("Nadia", "Charbonneau", Montreal, Direction, "Adjointe administrative", "marc-andre.gagnon"),
        new("Geneviève", "Bouchard", Montreal, Support, "Directrice du support client", "antoine.lefebvre"),
        new("Sophie", "Tremblay", Montreal, Support, "Chargée de clientèle", "genevieve.bouchard", RoleNames.StaffRepresentative,
            Bio: "Chargée de clientèle à Montréal et représentante du personnel. J'aime résoudre les problèmes de nos clients… et préparer la meilleure tire d'érable du bureau 🍁",
            Skills: ["Relation client", "Zendesk", "Anglais"]),
        new("Mathieu", "Roy", Montreal, Support, "Chargé de clientèle", "genevieve.bouchard"),
        new("Annie", "Gauthier", Montreal, Support, "Spécialiste support technique", "genevieve.bouchard"),
        new("Valérie", "Nadeau", Montreal, Support, "Chargée de clientèle", "genevieve.bouchard"),
        new("Jean-François", "Côté", Montreal, Sales, "Directeur des ventes Amérique du Nord", "maxime.garnier"),
        new("Catherine", "Pelletier", Montreal, Sales, "Représentante commerciale", "jean-francois.cote"),
        new("Simon", "Lavoie", Montreal, Sales, "Représentant commercial", "jean-francois.cote"),
        new("Félix", "Ouellet", Montreal, Engineering, "Responsable d'équipe Montréal", "thomas.bernard"),
        new("Marie-Ève", "Bergeron", Montreal, Engineering, "Développeuse back-end", "felix.ouellet"),
        new("Gabriel", "Lévesque", Montreal, Engineering, "Développeur", "felix.ouellet"),
        new("Samuel", "Poirier", Montreal, Engineering, "Ingénieur QA", "felix.ouellet", JoinedDaysAgo: 12),
        new("Chantal", "Fortin", Montreal, HumanResources, "Conseillère RH Amérique du Nord", "lea.dubois", RoleNames.HumanResources),
        new("Étienne", "Morin", Montreal, Finance, "Comptable", "nathalie.bonnet"),
        new("Julie", "Leblanc", Montreal, Marketing, "Chargée de marketing Amérique du Nord", "claire.fontaine"),
        new("Patrick", "Caron", Montreal, Product, "Chef de produit", "emilie.laurent"),

        // Singapour
        new("Mei Lin", "Goh", Singapore, Direction, "Directrice Asie-Pacifique", "antoine.lefebvre", RoleNames.Direction),
        new("Wei Ling", "Tan", Singapore, Product, "Ingénieure produit", "emilie.laurent",
            Bio: "Ingénieure produit à Singapour. Je fais le lien entre nos clients d'Asie-Pacifique et les équipes techniques. Fan de randonnée et de cuisine peranakan.",
            Skills: ["Discovery produit", "Analyse de données", "Mandarin", "Anglais"]),
        new("Darren", "Ong", Singapore, Engineering, "Responsable d'équipe Singapour", "thomas.bernard"),
        new("Jun Jie", "Lim", Singapore, Engineering, "Développeur", "darren.ong"),
        new("Kelvin", "Ng", Singapore, Engineering, "Ingénieur DevOps", "darren.ong"),
        new("Siti", "Rahman", Singapore, Support, "Chargée de clientèle", "genevieve.bouchard"),
        new("Benjamin", "Teo", Singapore, Support, "Spécialiste support technique", "genevieve.bouchard"),
        new("Arjun", "Pillai", Singapore, Sales, "Responsable commercial Asie-Pacifique", "maxime.garnier"),
        new("Hui Min", "Lee", Singapore, Sales, "Ingénieure commerciale", "arjun.pillai"),
        new("Farah", "Ismail", Singapore, HumanResources, "Chargée RH Asie-Pacifique", "lea.dubois", RoleNames.HumanResources),
        new("Ravi", "Kumar", Singapore, Finance, "Comptable Asie-Pacifique", "nathalie.bonnet"),
        new("Rachel", "Chua", Singapore, Marketing, "Chargée de marketing Asie-Pacifique", "claire.fontaine", JoinedDaysAgo: 5),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> SkillsByDepartment = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Direction] = ["Stratégie", "Leadership", "Gouvernance", "Négociation", "Gestion budgétaire", "Conduite du changement", "Organisation"],
        [HumanResources] = ["Recrutement", "Droit social", "Paie", "Marque employeur", "Formation", "SIRH", "Qualité de vie au travail"],
        [Engineering] = ["C#", ".NET", "PostgreSQL", "Kubernetes", "TypeScript", "React", "Tests automatisés", "Architecture logicielle", "Observabilité", "Sécurité applicative", "Linux"],
        [Product] = ["Discovery produit", "UX research", "Figma", "Roadmap", "Analyse de données", "Priorisation", "Ateliers utilisateurs"],
        [Sales] = ["Prospection", "Négociation", "Salesforce", "Grands comptes", "Appels d'offres", "Démonstrations produit"],
        [Support] = ["Relation client", "Zendesk", "Diagnostic technique", "Documentation", "SQL", "Gestion des escalades"],
        [Finance] = ["Contrôle de gestion", "Comptabilité", "Excel", "Trésorerie", "IFRS", "Clôtures mensuelles", "Fiscalité"],
        [Marketing] = ["Marketing digital", "SEO", "Rédaction", "Événementiel", "Réseaux sociaux", "Communication interne", "Brand content"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> LanguagesBySite = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Paris] = ["Anglais", "Espagnol", "Allemand"],
        [Montreal] = ["Anglais", "Espagnol"],
        [Singapore] = ["Anglais", "Mandarin", "Malais", "Tamoul"],
    };

    /// <summary>"Marc-André" and "Côté" become "marc-andre.cote"; spaces vanish, so "Wei Ling Tan" is "weiling.tan".</summary>
    public static string Handle(string firstName, string lastName) => $"{Ascii(firstName)}.{Ascii(lastName)}";

    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }
}
