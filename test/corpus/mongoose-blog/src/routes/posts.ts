import { Router } from 'express';
import { PostModel } from '../models/Post';

export const postsRouter = Router();

postsRouter.get('/', async (req, res) => {
  const page = Math.max(1, Number(req.query.page) || 1);
  const posts = await PostModel.find({ publishedAt: { $ne: null } })
    .sort({ publishedAt: -1 })
    .skip((page - 1) * 10)
    .limit(10)
    .lean();
  res.json(posts);
});

postsRouter.get('/:slug', async (req, res) => {
  const post = await PostModel.findOne({ slug: req.params.slug }).populate('author', 'name').lean();
  if (!post) return res.sendStatus(404);
  res.json(post);
});
