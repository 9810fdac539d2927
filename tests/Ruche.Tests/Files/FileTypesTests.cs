using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Ruche.Core.Common;
using Ruche.Core.Files;

namespace Ruche.Tests.Files;

/// <summary>What an upload is, read from its bytes (ADR 26): the name may refuse a file, never make it acceptable.</summary>
public sealed class FileTypesTests
{
    [Theory]
    [InlineData("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public void Office_open_xml_files_are_known_by_their_parts(string part, string expected)
    {
        var file = Zip(("[Content_Types].xml", "<Types/>"), (part, "<x/>"));

        Assert.Equal(new DetectedType(expected, FileKind.Document), FileTypes.Detect(file, "renamed.bin"));
    }

    [Fact]
    public void An_opendocument_file_is_known_by_its_mimetype_entry()
    {
        var file = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"));

        Assert.Equal("application/vnd.oasis.opendocument.text", FileTypes.Detect(file, "notes.jpg").ContentType);
    }

    [Fact]
    public void A_plain_zip_stays_a_zip_and_one_with_macros_is_refused()
    {
        Assert.Equal("application/zip", FileTypes.Detect(Zip(("a.txt", "a")), "photos.docx").ContentType);
        var macros = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<x/>"), ("word/vbaProject.bin", "x"));
        Assert.Equal("file.type-refused", Assert.Throws<RucheException>(() => FileTypes.Detect(macros, "rapport.docx")).Code);
    }

    [Fact]
    public void Legacy_office_files_are_known_by_their_streams_and_other_ole_files_refused()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Equal("application/msword", FileTypes.Detect(new MemoryStream([.. ole, .. Encoding.Unicode.GetBytes("WordDocument")]), "x.txt").ContentType);
        Assert.Equal("application/vnd.ms-excel", FileTypes.Detect(new MemoryStream([.. ole, .. Encoding.Unicode.GetBytes("Workbook")]), "x").ContentType);
        Assert.Equal("file.type-refused", Assert.Throws<RucheException>(() => FileTypes.Detect(new MemoryStream(ole), "setup.doc")).Code);
    }

    [Fact]
    public void Pdf_and_archives_are_known_by_their_signatures()
    {
        Assert.Equal("application/pdf", FileTypes.Detect(new MemoryStream("%PDF-1.7\n%âãÏÓ\n"u8.ToArray()), "cv.png").ContentType);
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write("hello"u8);
        }

        Assert.Equal("application/gzip", FileTypes.Detect(new MemoryStream(gz.ToArray()), "a").ContentType);
        Assert.Equal("application/x-7z-compressed", FileTypes.Detect(new MemoryStream([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4, 1, 2]), "a").ContentType);
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "notes.txt") { DataStream = new MemoryStream("hi"u8.ToArray()) });
        }

        Assert.Equal("application/x-tar", FileTypes.Detect(new MemoryStream(tar.ToArray()), "a").ContentType);
    }

    [Theory]
    [InlineData("nom;âge\nAda;36\n", "tableau.csv", "text/csv")]
    [InlineData("# Titre\n\nTexte.", "lisez-moi.md", "text/markdown")]
    [InlineData("Bonjour\tà tous\r\n", "mot.txt", "text/plain")]
    [InlineData("Bonjour", "image.png", "text/plain")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.png", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.svg", "image/svg+xml")]
    [InlineData("<!doctype html><p>x</p>", "page.jpg", "text/html")]
    public void Text_is_known_by_being_text_and_markup_by_its_content(string content, string name, string expected)
    {
        var type = FileTypes.Detect(new MemoryStream(Encoding.UTF8.GetBytes(content)), name);

        Assert.Equal(new DetectedType(expected, FileKind.Document), type);
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, "rapport.pdf")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1 }, "photo.jpg")]
    [InlineData(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0 }, "Main.txt")]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x73, 0x68, 0x0A }, "notes.txt")]
    public void Programs_and_scripts_are_refused_whatever_their_name(byte[] content, string name)
    {
        Assert.Equal("file.type-refused", Assert.Throws<RucheException>(() => FileTypes.Detect(new MemoryStream(content), name)).Code);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("run.PS1")]
    [InlineData("facture.pdf.js")]
    public void A_name_an_os_would_run_refuses_even_harmless_content(string name)
    {
        Assert.Equal("file.type-refused", Assert.Throws<RucheException>(() => FileTypes.Detect(new MemoryStream("hello"u8.ToArray()), name)).Code);
    }

    [Fact]
    public void Images_are_known_by_their_signatures_and_binary_noise_is_unknown()
    {
        Assert.Equal(new DetectedType("image/jpeg", FileKind.Image), FileTypes.Detect(new MemoryStream(PhotoWithExif.Jpeg()), "x.pdf"));
        Assert.Equal("file.type-unknown", Assert.Throws<RucheException>(() => FileTypes.Detect(new MemoryStream([0, 159, 146, 150, 1, 2]), "x.txt")).Code);
    }

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
