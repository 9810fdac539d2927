using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Ruche.Demo.Library;

/// <summary>
/// Small photos drawn in memory for the Café's gallery: a sky, a sun and a landscape in a scene's colours. Plain PNGs
/// with no metadata chunk at all (no EXIF, no position), as every photo Ruche keeps.
/// </summary>
internal static class DemoImages
{
    public sealed record Scene(string Alt, (byte R, byte G, byte B) Sky, (byte R, byte G, byte B) Ground, (byte R, byte G, byte B) Sun, double Horizon);

    public static byte[] Draw(Scene scene, int width = 240, int height = 180)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        var at = 0;
        var sunX = width * 0.7;
        var sunY = height * scene.Horizon * 0.55;
        var sunRadius = height / 9.0;
        for (var y = 0; y < height; y++)
        {
            raw[at++] = 0; // filter: none
            var horizon = (int)(height * scene.Horizon) + (int)(Math.Sin(y * 0.05) * 3);
            for (var x = 0; x < width; x++)
            {
                var ground = y > horizon + (int)(Math.Sin(x * 0.04) * 6);
                var (r, g, b) = ground ? scene.Ground : scene.Sky;
                var shade = ground ? 1.0 - ((y - horizon) / (double)height * 0.6) : 0.75 + (y / (double)height * 0.35);
                if (!ground && ((x - sunX) * (x - sunX)) + ((y - sunY) * (y - sunY)) < sunRadius * sunRadius)
                {
                    (r, g, b) = scene.Sun;
                    shade = 1;
                }

                raw[at++] = Clamp(r * shade);
                raw[at++] = Clamp(g * shade);
                raw[at++] = Clamp(b * shade);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)value, 0, 255);

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
