namespace Ruche.Core.Influence;

/// <summary>
/// A growable column of values in fixed chunks of 2^20: growing never copies what is there (no doubling spikes at
/// 10 million rows), and reading is one array per chunk.
/// </summary>
internal sealed class Column<T> where T : struct
{
    public const int ChunkBits = 20;
    public const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<T[]> chunks = [];

    public long Count { get; private set; }

    public IReadOnlyList<T[]> Chunks => chunks;

    public void Add(T value)
    {
        var offset = (int)(Count & ChunkMask);
        if (offset == 0)
        {
            chunks.Add(new T[ChunkSize]);
        }

        chunks[^1][offset] = value;
        Count++;
    }

    public T this[long index]
    {
        get => chunks[(int)(index >> ChunkBits)][(int)(index & ChunkMask)];
        set => chunks[(int)(index >> ChunkBits)][(int)(index & ChunkMask)] = value;
    }

    /// <summary>Keeps the first <paramref name="count"/> values, releasing the chunks past them.</summary>
    public void Truncate(long count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        var chunksNeeded = (int)((count + ChunkMask) >> ChunkBits);
        chunks.RemoveRange(chunksNeeded, chunks.Count - chunksNeeded);
        Count = count;
    }

    /// <summary>How many values of chunk <paramref name="chunk"/> are filled.</summary>
    public int CountIn(int chunk) => chunk < chunks.Count - 1 ? ChunkSize : (int)(Count - ((long)chunk << ChunkBits));
}
