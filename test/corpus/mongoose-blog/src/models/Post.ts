import { Schema, model, type InferSchemaType } from 'mongoose';
import slugify from 'slugify';

const postSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 180 },
    slug: { type: String, unique: true, index: true },
    body: { type: String, required: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    tags: { type: [String], index: true },
    publishedAt: Date,
  },
  { timestamps: true, collection: 'posts' },
);

postSchema.pre('validate', function setSlug(next) {
  if (this.isModified('title')) this.slug = slugify(this.title, { lower: true, strict: true });
  next();
});

export type Post = InferSchemaType<typeof postSchema>;
export const PostModel = model('Post', postSchema);
