namespace Ruche.Core.Influence;

/// <summary>
/// What A did towards B. The graph weighs each kind (<see cref="InfluenceWeights"/>); a feature that creates a new
/// kind of A→B act adds a value here and its weight there, and writes an <see cref="IInteractionSource"/>.
/// </summary>
public enum InteractionKind : byte
{
    /// <summary>A reacted to B's post.</summary>
    Reaction = 1,

    /// <summary>A commented on B's post.</summary>
    Comment = 2,

    /// <summary>A replied to B's comment.</summary>
    Reply = 3,

    /// <summary>A mentioned B in a post.</summary>
    Mention = 4,

    /// <summary>A shared B's post.</summary>
    Share = 5,

    /// <summary>A follows B.</summary>
    Follow = 6,

    /// <summary>A thanked B (kudos; h-kudos writes the source).</summary>
    Thanks = 7,

    /// <summary>A, a post's author, marked B's comment helpful (h-kudos writes the source).</summary>
    Helpful = 8,
}
