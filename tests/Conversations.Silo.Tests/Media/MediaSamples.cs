using System.IO.Compression;
using System.Text;

namespace Conversations.Silo.Tests.Media;

/// <summary>
/// Files as their formats begin: real signatures and headers (JFIF, PNG IHDR, ISO ftyp boxes, ID3,
/// ADTS, Ogg, AMR, OOXML packages built with a zip writer, OLE2 compound headers, a PE executable),
/// padded with random bytes to a chosen size.
/// </summary>
internal static class MediaSamples
{
    public static byte[] Jpeg(int size = 20_000) => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00], size);

    public static byte[] Png(int size = 20_000) =>
        Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00], size);

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text() => Encoding.UTF8.GetBytes("Order A-1042 shipped on 3 March.\nTracking: 1Z999AA10123456784\nThank you — Acme\n");

    public static byte[] Mp4() => Pad([0x00, 0x00, 0x00, 0x20, .. "ftyp"u8, .. "isom"u8, 0x00, 0x00, 0x02, 0x00, .. "isom"u8, .. "iso2"u8, .. "avc1"u8, .. "mp41"u8, 0x00, 0x00, 0x00, 0x08, .. "free"u8], 30_000);

    public static byte[] ThreeGp() => Pad([0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. "3gp4"u8, 0x00, 0x00, 0x02, 0x00, .. "isom"u8, .. "3gp4"u8], 30_000);

    public static byte[] Mp3() => Pad([.. "ID3"u8, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFB, 0x90, 0x64], 10_000);

    public static byte[] Aac() => Pad([0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC], 10_000);

    public static byte[] Ogg() => Pad([.. "OggS"u8, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x00, 0x00, 0x00, 0x00, 0x01, 0x1E, 0x01, .. "vorbis"u8], 10_000);

    public static byte[] Amr() => Pad([.. "#!AMR\n"u8, 0x3C, 0x48, 0xF5, 0x5F], 5_000);

    public static byte[] Xlsx() => Package("xl/workbook.xml", "xl/worksheets/sheet1.xml");

    public static byte[] Pptx() => Package("ppt/presentation.xml", "ppt/slides/slide1.xml");

    public static byte[] Docx() => Package("word/document.xml", "word/styles.xml");

    public static byte[] Xls() => Ole("Workbook");

    public static byte[] Ppt() => Ole("PowerPoint Document");

    /// <summary>A Windows executable: the MZ header and the DOS stub's message.</summary>
    public static byte[] Exe() => Pad([.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. "This program cannot be run in DOS mode."u8], 40_000);

    public static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Package(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in (string[])["[Content_Types].xml", "_rels/.rels", .. parts])
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><root/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An OLE2 compound file: the header signature, then a directory sector naming the stream in UTF-16.</summary>
    private static byte[] Ole(string stream)
    {
        var bytes = new byte[4096];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes(stream).CopyTo(bytes, 1024 + 128);
        return bytes;
    }
}
