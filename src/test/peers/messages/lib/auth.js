// NextAuth v4 options as the service has them: credentials provider, JWT sessions.
import CredentialsProvider from 'next-auth/providers/credentials';
import bcrypt from 'bcryptjs';
import { findUserByEmailOrUsername } from './store.js';

export const authOptions = {
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Credentials',
      credentials: {
        email: { label: 'Email', type: 'text' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials?.password) {
          throw new Error('Email and Password required');
        }
        const user = findUserByEmailOrUsername(credentials.email);
        if (!user) {
          throw new Error('User not found');
        }
        if (!user.isVerified) {
          throw new Error('Please verify your account before login');
        }
        if (!(await bcrypt.compare(credentials.password, user.password))) {
          throw new Error('Invalid password');
        }
        return {
          id: user._id, _id: user._id, email: user.email, username: user.username,
          isVerified: user.isVerified, isAcceptingMessages: user.isAcceptingMessages,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token._id = user._id;
        token.username = user.username;
        token.isVerified = user.isVerified;
        token.isAcceptingMessages = user.isAcceptingMessages;
      }
      return token;
    },
    async session({ session, token }) {
      if (token) {
        session.user = {
          _id: token._id, email: token.email, username: token.username,
          isVerified: token.isVerified, isAcceptingMessages: token.isAcceptingMessages,
        };
      }
      return session;
    },
  },
  session: { strategy: 'jwt' },
  secret: process.env.NEXTAUTH_SECRET,
};
