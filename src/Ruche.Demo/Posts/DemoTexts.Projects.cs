namespace Ruche.Demo.Posts;

/// <summary>Project chatter, one pool per project space.</summary>
internal static partial class DemoTexts
{
    public static readonly string[] Atlas =
    [
        "Point d'étape #atlas : le socle d'ingestion des données est terminé ✅ Prochaine étape, les connecteurs CRM.",
        "Démo #atlas vendredi 11 h : {m} présente le premier tableau de bord consolidé.",
        "Décision d'architecture #atlas : on part sur PostgreSQL plutôt qu'un entrepôt dédié pour la V1.",
        "Risque identifié : la volumétrie de {client} est trois fois plus importante que prévu. {m}, on en parle demain ? #atlas",
        "Planning #atlas mis à jour : bêta privée décalée d'une semaine pour fiabiliser la synchronisation.",
        "Merci {m} pour l'analyse de performance, les requêtes critiques passent sous les 200 ms 🚀 #atlas",
        "Atelier RGPD #atlas avec {m} : le registre des traitements est complété. #sécurité",
        "Premiers retours bêta de {client} : très positifs sur la recherche, plus mitigés sur l'export. #atlas #produit",
        "Qui peut reprendre la revue du connecteur Salesforce ? {m} est en congé cette semaine. #atlas",
        "Rétro #atlas : on garde les démos hebdomadaires, on réduit les réunions de synchro.",
        "Les maquettes de l'écran d'accueil #atlas sont validées 🎨",
        "Budget #atlas : consommation à 45 % pour 50 % du planning, on est dans les clous.",
        "Test de reprise après sinistre #atlas réussi : restauration complète en 18 minutes. #sécurité",
        "Question #atlas : faut-il exposer une API publique dès la V1 ? Les avis de {m} et {m2} sont bienvenus.",
        "Jalon atteint : 10 millions d'événements traités en préproduction 🎉 #atlas",
        "Documentation #atlas : le guide d'intégration est en ligne, merci {m} ✍️",
        "Les collègues de Singapour prennent en main le connecteur ERP #atlas, bienvenue à bord {m} !",
        "Revue de sécurité #atlas planifiée {day} avec {m}. #sécurité",
        "Les premiers clients de Montréal basculent sur #atlas la semaine prochaine, {m} coordonne avec le Support. #support",
        "Sauvegardes chiffrées #atlas en place ✅ #sécurité",
    ];

    public static readonly string[] Portal =
    [
        "Lancement du projet de refonte du portail client ! Objectif : une mise en ligne dans trois mois. #produit",
        "Ateliers utilisateurs avec {client} et deux autres clients la semaine prochaine.",
        "Premières maquettes du nouveau portail disponibles, merci {m} 🎨",
        "Le support a compilé les 20 demandes clients les plus fréquentes, elles guideront la V1. #support",
        "Choix du fournisseur d'authentification : on reste sur notre solution actuelle. #sécurité",
        "Sprint 3 terminé : la page de suivi des tickets est fonctionnelle ✅",
        "{m}, peux-tu valider les libellés en français canadien pour la version de Montréal ?",
        "Tests d'accessibilité : quelques contrastes à revoir, sinon c'est très bon 👍",
        "Démo du portail à l'équipe Ventes jeudi : venez nombreux !",
        "Traduction anglaise du portail en cours pour nos clients de Singapour.",
        "Bêta ouverte à 15 clients pilotes, premiers retours attendus d'ici vendredi. #produit",
        "Merci à tous pour l'énergie sur ce projet, on tient les délais 💪 #kudos",
        "Le parcours de paiement en ligne est prêt pour la recette, {m} coordonne les tests.",
    ];

    public static readonly string[] Acquisition =
    [
        "Première lecture du dossier de la cible terminée. Points d'attention : dépendance à deux clients et dette technique.",
        "Rendez-vous avec les fondateurs mardi. {m}, tu peux préparer la liste de questions financières ?",
        "Audit technique : {m} a relevé une architecture saine mais un gros chantier de #sécurité à prévoir.",
        "Valorisation : les scénarios sont dans le tableur partagé. Confidentialité absolue, merci.",
        "Avis juridique reçu : pas de point bloquant sur la propriété intellectuelle.",
        "Prochaine étape : la lettre d'intention. Projet à relire avant jeudi.",
        "Les synergies commerciales en Asie-Pacifique sont réelles, d'après les premiers échanges de {m}.",
        "Point de décision en comité vendredi. Merci de garder ce dossier strictement dans ce groupe.",
    ];
}
