using Ruche.Demo.People;

namespace Ruche.Demo.Posts;

/// <summary>The Café, where everyone is: the company-wide pool, one pool per site, and Friday afternoon send-offs.</summary>
internal static partial class DemoTexts
{
    public static readonly string[] Cafe =
    [
        "Qui a laissé le gâteau au chocolat en salle Ruisseau ? Il est délicieux et il n'en reste presque plus 🍫 #café",
        "Bonne nouvelle : la machine à café du 3e est réparée ! Merci {m} pour la relance auprès des services généraux ☕ #café",
        "Quelqu'un a un chargeur USB-C à prêter pour l'après-midi ? Je suis en salle Canopée.",
        "Petit rappel : le déjeuner d'équipe de {day} est au restaurant libanais en face. Inscriptions auprès de {m} 🥙",
        "Mes #3goalsaday du jour :\n1. Finir la relecture demandée par {m}\n2. Préparer la démo de {day}\n3. Aller courir à midi",
        "Mes #3goalsaday : boucler le rapport mensuel, répondre à tous les courriels en attente, et ne pas oublier de déjeuner 😅",
        "Vous avez des recommandations de podcasts pour les trajets ? J'ai épuisé toute ma liste 🎧",
        "Le baby-foot est de nouveau opérationnel. Qui relève le défi de {m} et {m2} ce midi ? ⚽",
        "Merci à toutes celles et ceux qui sont venus au petit-déjeuner de {site} ce matin, c'était un vrai plaisir 🥐",
        "Question existentielle du jour : pain au chocolat ou chocolatine ? Sondage officieux en commentaires 😄",
        "Quelqu'un connaît un bon ostéopathe près du bureau ? Mon dos n'a pas apprécié le déménagement du week-end.",
        "Les photos de la soirée d'équipe sont en ligne dans l'espace Photo 📷 Merci {m} pour les clichés !",
        "Rappel amical : le frigo de la cuisine sera vidé vendredi à 16 h. Pensez à récupérer vos boîtes 🙏",
        "Je cherche des partenaires pour un escape game après le travail, on est déjà quatre avec {m}. Qui se joint à nous ? 🔐",
        "Bravo à {m} pour son premier semi-marathon ce week-end ! 🏅 #kudos",
        "Une recommandation de livre pour les vacances ? J'ai adoré « L'Anomalie » l'an dernier 📚",
        "Les plantes de l'open space ont besoin d'amour : qui veut rejoindre le club des arroseurs ? 🌱",
        "Le food truck coréen est de retour devant le bureau {day} midi 🍜",
        "Merci {m} pour le coup de main sur mon poste de travail ce matin, tu m'as sauvé la journée 🙌 #kudos",
        "Petit sondage : vous préférez les réunions le matin ou l'après-midi ? Je prépare le planning du trimestre.",
        "Qui veut covoiturer pour le séminaire de {day} ? J'ai trois places 🚗",
        "Mes #3goalsaday : clarifier les priorités avec {m}, terminer la présentation client, et ranger enfin mon bureau.",
        "Le club de lecture se réunit {day} à 12 h 30. Au programme : « Sapiens ». Tout le monde est bienvenu 📖",
        "J'ai fait trop de quiche hier soir : premier arrivé, premier servi en cuisine 🥧",
        "Quelqu'un a trouvé un parapluie bleu en salle Alvéole ? Je crois que c'est celui de {m} ☔",
        "Idée pour le prochain afterwork : une dégustation de fromages ? 🧀 Qui est motivé ?",
        "Merci {m} et {m2} pour l'organisation du quiz de vendredi, on a ri du début à la fin 🎉 #kudos",
        "Est-ce que quelqu'un sait si le local vélos est accessible le week-end ? 🚲",
        "La cagnotte pour le départ de notre stagiaire est ouverte, demandez le lien à {m} 🎁",
        "Premier café de la journée et déjà trois réunions au compteur. Courage à tous ☕ #café",
        "Qui veut goûter ma recette de banana bread ? J'en ai déposé un en cuisine 🍌",
        "Mes #3goalsaday : finir mon point mensuel, prendre un café avec {m}, et lire enfin la doc du nouvel outil 😄",
        "Il reste des places pour l'atelier « premiers secours » de {day}, c'est deux heures très utiles 🩹",
        "Quel est votre meilleur conseil pour rester concentré en open space ? Je prends toutes les astuces 🎧",
        "Merci {m} pour les cookies du matin, le moral de l'équipe est au beau fixe 🍪 #kudos",
        "Je lance un tournoi d'échecs interne, premier match contre {m} {day} midi. Qui relève le défi ? ♟️",
        "Mes #3goalsaday : un dossier important bouclé, une réunion en moins, une vraie pause déjeuner.",
        "Quelqu'un veut reprendre mon abonnement au panier de légumes bio pendant mes congés ? 🥕",
        "La salle de sport partenaire propose une séance d'essai gratuite cette semaine, on y va {day} avec {m} 💪",
        "Petite pensée pour les collègues de Singapour qui finissent leur journée quand on commence la nôtre 🌏",
        "On organise une collecte de vêtements pour une association du quartier, le carton est à l'accueil 💚",
        "Le quiz de culture générale de {day} midi est lancé : thème cinéma 🎬 Équipes de quatre !",
        "Mes #3goalsaday : préparer l'atelier de {day}, appeler {client}, et me coucher avant minuit 😴",
        "Le gâteau de {m} remporte le concours de pâtisserie haut la main 🎂 #kudos",
        "Quelqu'un a des conseils pour un premier voyage au Japon ? Départ dans deux mois ✈️",
        "Quelqu'un a une rallonge électrique à prêter ? La salle Essaim en manque cruellement 🔌",
        "Mes #3goalsaday : relire le contrat de {client}, débloquer {m}, et faire une vraie pause à 16 h ☕",
        "Le concours de la plus belle tasse du bureau est ouvert, envoyez vos photos à {m} 🏆 #café",
        "Qui a laissé un magnifique bouquet de fleurs à l'accueil ? Ça met de bonne humeur 💐",
        "Recherche désespérément la télécommande du vidéoprojecteur de la grande salle 🔍",
        "Merci {m} d'avoir pris le temps de m'expliquer les notes de frais, sans toi je n'aurais jamais trouvé 😅",
        "Une idée de cadeau de naissance collectif pour {m} ? La cagnotte est ouverte 👶",
        "Le jeu de société du midi de {day} : Codenames. Il reste deux places 🎲",
        "Petit rappel écolo : les gobelets jetables disparaissent lundi, pensez à votre tasse ♻️ #café",
        "Qui connaît un bon traiteur pour un pot de départ d'une trentaine de personnes ? 🥂",
    ];

    public static readonly IReadOnlyDictionary<string, string[]> CafeBySite = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [DemoRoster.Paris] =
        [
            "Mouvement social dans les transports demain : pensez au télétravail si vous le pouvez. #télétravail",
            "La terrasse du 5e est ouverte, café au soleil à 15 h ? ☀️ #café",
            "Quelqu'un a testé la nouvelle boulangerie au coin de la rue ? Leurs croissants sont incroyables 🥐",
            "Ligne 9 en panne ce matin, je serai en retard pour le point de 9 h 30 🚇",
            "Expo photo au Jeu de Paume ce week-end, qui est partant ? 🖼️",
            "Le marché d'Aligre le samedi matin, quelqu'un connaît ? On m'en a dit beaucoup de bien 🥕",
            "Qui est partant pour un pique-nique sur les quais de Seine vendredi midi ? 🧺",
        ],
        [DemoRoster.Montreal] =
        [
            "Qui vient manger une poutine ce midi au casse-croûte du coin ? 🍟",
            "Petit rappel : le 5 à 7 de l'équipe est jeudi au bistro de la rue Saint-Denis 🍻",
            "Bon matin tout le monde ! Le café du 4e est prêt ☕ #café",
            "Des recommandations de cabane à sucre pour une sortie d'équipe ? 🍁",
            "Match du Canadien ce soir, on le regarde ensemble à la cafétéria ? 🏒",
            "Qui veut se joindre à nous pour une partie de hockey cosom jeudi soir ? 🏑",
        ],
        [DemoRoster.Singapore] =
        [
            "Lunch au hawker centre de Maxwell aujourd'hui ? Le chicken rice vaut le détour 🍗",
            "Gros orage tropical, tout le monde reste au bureau un peu plus longtemps ⛈️",
            "Qui veut tester le nouveau café de Tanjong Pagar ? Kopi et kaya toast au menu ☕ #café",
            "La clim de la salle Merlion est réglée trop fort, pensez à votre gilet 🥶",
            "Balade à East Coast Park samedi matin, qui vient ? 🚲",
        ],
    };

    public static readonly string[] Friday =
    [
        "Bon week-end à toutes et à tous ! Reposez-vous bien 🌞",
        "C'est vendredi ! Bon week-end et à lundi 👋",
        "Bon week-end ! Pour ma part : randonnée et zéro écran 🥾",
        "Semaine intense, merci à toute l'équipe pour l'énergie. Bon week-end ! #kudos",
        "Bon week-end à tous, et bon courage à {m} pour son déménagement 📦",
        "Dernière réunion de la semaine terminée ✅ Bon week-end tout le monde !",
        "Bon week-end ! Qui a des bons plans ciné à partager ? 🍿",
    ];
}
