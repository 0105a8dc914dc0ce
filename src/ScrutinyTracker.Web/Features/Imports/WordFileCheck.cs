using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Refuses, with a message saying what to do, every file that is not a plain Word document, before
/// the Open XML SDK parses anything: a .doc, a macro-enabled .docm, a password-protected file (Word
/// saves those as an encrypted OLE compound file, not a zip), a file over 20 MB, a zip that would
/// unpack to far more than any document (a zip bomb), or anything else.
/// </summary>
public static class WordFileCheck
{
    /// <summary>A 40-page document with pictures unpacks to a few MB; ten times the upload limit is far beyond any real one.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public const int MaxEntries = 1000;

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>Checks and reads the file; throws <see cref="WordFileRefusedException"/> with the officer's message.</summary>
    public static ImportedDocument Read(string fileName, byte[] content)
    {
        Check(fileName, content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes / 2 });
            if (word.DocumentType != WordprocessingDocumentType.Document || word.MainDocumentPart?.VbaProjectPart is not null)
            {
                throw new WordFileRefusedException(MacroMessage(fileName));
            }

            return WordDocumentReader.Read(word);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new WordFileRefusedException($"{fileName} could not be read as a Word document ({exception.GetType().Name}). Open it in Word, save it as a Word Document (.docx), then upload it again.");
        }
    }

    public static void Check(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.Length == 0)
        {
            throw new WordFileRefusedException($"{fileName} is empty. Choose the Word document (.docx) to import.");
        }

        if (content.LongLength > Domain.PendingImport.MaxBytes)
        {
            throw new WordFileRefusedException($"{fileName} is larger than {Domain.PendingImport.MaxBytesText}. Progress-update documents are far smaller: remove large pictures from it, or save it again without them, then upload it.");
        }

        if (extension == ".docm")
        {
            throw new WordFileRefusedException(MacroMessage(fileName));
        }

        if (Starts(content, OleSignature))
        {
            throw new WordFileRefusedException(Contains(content, EncryptedPackage)
                ? $"{fileName} is protected by a password, so it cannot be read. Open it in Word, remove the password (File, Info, Protect Document, Encrypt with Password, and clear it), save it, then upload it again."
                : $"{fileName} is an older Word 97–2003 document (.doc). Open it in Word and save it as a Word Document (.docx), then upload the .docx.");
        }

        if (extension == ".doc")
        {
            throw new WordFileRefusedException($"{fileName} is an older Word document (.doc). Open it in Word and save it as a Word Document (.docx), then upload the .docx.");
        }

        if (extension != ".docx" || !Starts(content, ZipSignature))
        {
            throw new WordFileRefusedException($"{fileName} is not a Word document. Choose the progress-update document saved as a Word Document (.docx).");
        }

        CheckUnpackedSize(fileName, content);
    }

    /// <summary>Reads the zip's directory only: how many entries, and how large they say they unpack to (.NET refuses an entry that unpacks to more than it says).</summary>
    private static void CheckUnpackedSize(string fileName, byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new WordFileRefusedException($"{fileName} unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB or {MaxEntries:N0} parts, far more than any Word document, so it was not opened. Save the document again from Word, then upload it.");
            }
        }
        catch (InvalidDataException)
        {
            throw new WordFileRefusedException($"{fileName} is damaged or not a Word document. Open it in Word, save it as a Word Document (.docx), then upload it again.");
        }
    }

    private static string MacroMessage(string fileName) =>
        $"{fileName} is a macro-enabled Word document (.docm). ScrutinyTracker does not import documents with macros: in Word, save it as a Word Document (.docx), then upload the .docx.";

    private static bool Starts(byte[] content, byte[] signature) => content.AsSpan().StartsWith(signature);

    private static bool Contains(byte[] content, byte[] value) => content.AsSpan().IndexOf(value) >= 0;
}
