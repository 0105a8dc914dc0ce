using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(PendingImport.FileNameMaxLength);
        builder.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.SelectCommittee).WithMany().HasForeignKey(p => p.SelectCommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Review).WithMany().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.OwnerId);
        builder.HasIndex(p => p.ExpiresAtUtc);
    }
}

public sealed class DocumentImportConfiguration : IEntityTypeConfiguration<DocumentImport>
{
    public void Configure(EntityTypeBuilder<DocumentImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(PendingImport.FileNameMaxLength);
        builder.HasOne(i => i.Review).WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        // The review's cascade reaches the round already: one path only (SQL Server error 1785).
        builder.HasOne(i => i.Round).WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.ImportedBy).WithMany().HasForeignKey(i => i.ImportedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ReviewId);
    }
}
